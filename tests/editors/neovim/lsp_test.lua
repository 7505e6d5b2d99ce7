-- Headless Neovim end-to-end test of the cachespec language server, through Neovim's own LSP client.
-- Run (see run.sh): nvim --headless -u NONE -c "luafile lsp_test.lua" <repo>/examples/broken/mistakes.cachespec.yaml
-- Written against the API of Neovim 0.7 (vim.lsp.start_client + vim.lsp.buf_attach_client), which later versions keep.
-- Every check prints "PASS: ..." or "FAIL: ..."; the exit code is 0 only when every check passed.

local server = os.getenv('CACHESPEC_SERVER')
  or (vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h') .. '/../../../server/CacheSpec.Server/bin/Release/net10.0/cachespec')
local timeout_ms = 20000

local passed, failed = 0, 0

local function check(ok, what, detail)
  if ok then
    passed = passed + 1
    print('PASS: ' .. what)
  else
    failed = failed + 1
    print('FAIL: ' .. what .. (detail and (' -- ' .. detail) or ''))
  end
  return ok
end

local function finish()
  print(string.format('lsp_test.lua: %d passed, %d failed', passed, failed))
  if failed > 0 then
    vim.cmd('cquit 1')
  else
    vim.cmd('qall!')
  end
end

local function set_of(list)
  local set = {}
  for _, item in ipairs(list) do
    set[item] = true
  end
  return set
end

local function sorted_keys(set)
  local keys = vim.tbl_keys(set)
  table.sort(keys)
  return keys
end

local ok, err = pcall(function()
  local bufnr = vim.api.nvim_get_current_buf()
  local path = vim.api.nvim_buf_get_name(bufnr)
  if not check(path ~= '' and vim.fn.filereadable(path) == 1, 'a spec file is open', 'buffer name: ' .. path) then
    return
  end
  if not check(vim.fn.executable(server) == 1, 'the server is executable', server) then
    return
  end

  -- What the CLI reports for this file: the source of truth.
  local cli_output = vim.fn.system({ server, 'check', path, '--format', 'json' })
  local decoded_ok, report = pcall(vim.fn.json_decode, cli_output)
  if not check(decoded_ok and type(report) == 'table' and report.files ~= nil, 'cachespec check --format json runs', cli_output) then
    return
  end
  local expected_codes, expected_count = {}, 0
  for _, file in ipairs(report.files) do
    for _, diagnostic in ipairs(file.diagnostics) do
      expected_codes[diagnostic.code] = true
      expected_count = expected_count + 1
    end
  end

  -- Start the server and attach it to the buffer.
  local initialized, server_name = false, nil
  local client_id = vim.lsp.start_client({
    name = 'cachespec',
    cmd = { server, 'serve', '--stdio' },
    root_dir = vim.fn.fnamemodify(path, ':p:h'),
    init_options = { diagnosticsDelayMs = 0 },
    flags = { debounce_text_changes = 0 },
    on_init = function(_, result)
      initialized = true
      server_name = result and result.serverInfo and result.serverInfo.name
    end,
  })
  if not check(client_id ~= nil, 'vim.lsp.start_client starts the server') then
    return
  end
  vim.lsp.buf_attach_client(bufnr, client_id)

  if not check(vim.wait(timeout_ms, function() return initialized end, 50), 'the server answers initialize', 'no answer in 20 s') then
    return
  end
  check(server_name == 'cachespec', 'serverInfo.name is cachespec', tostring(server_name))

  -- Diagnostics: wait until as many as the CLI reports have arrived (or the timeout).
  local function current()
    return vim.diagnostic.get(bufnr)
  end
  vim.wait(timeout_ms, function() return #current() >= expected_count and expected_count > 0 end, 50)
  vim.wait(300) -- let any later publication land, so the count below is final
  local diagnostics = current()
  local codes = {}
  for _, diagnostic in ipairs(diagnostics) do
    local code = diagnostic.code or (diagnostic.user_data and diagnostic.user_data.lsp and diagnostic.user_data.lsp.code)
    if code then
      codes[code] = true
    end
  end
  check(#diagnostics > 0, 'diagnostics arrive', 'none within 20 s')
  check(codes['vnet-injection-requires-premium'], 'diagnostics include vnet-injection-requires-premium', table.concat(sorted_keys(codes), ', '))
  check(codes['unknown-key'], 'diagnostics include unknown-key', table.concat(sorted_keys(codes), ', '))
  check(#diagnostics == expected_count, string.format('diagnostic count equals the CLI (%d)', expected_count), 'got ' .. #diagnostics)
  check(vim.deep_equal(sorted_keys(codes), sorted_keys(expected_codes)), 'diagnostic codes equal the CLI',
    'server: ' .. table.concat(sorted_keys(codes), ', ') .. ' / cli: ' .. table.concat(sorted_keys(expected_codes), ', '))

  -- Hover on the vnetInjection key of the Standard cache: the guidance says VNet injection needs Premium.
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  local hover_line, hover_col
  for index, line in ipairs(lines) do
    local col = line:find('vnetInjection:', 1, true)
    if col then
      hover_line, hover_col = index - 1, col + 1 -- 0-based line; a column inside the key (ASCII, so bytes = UTF-16 units)
      break
    end
  end
  if check(hover_line ~= nil, 'the file has a vnetInjection key') then
    local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
      textDocument = { uri = vim.uri_from_bufnr(bufnr) },
      position = { line = hover_line, character = hover_col },
    }, timeout_ms)
    local response = responses and responses[client_id]
    local value = response and response.result and response.result.contents
    if type(value) == 'table' then
      value = value.value
    end
    check(response ~= nil and response.err == nil and response.error == nil, 'hover answers without error', vim.inspect(response))
    check(type(value) == 'string' and value:find('Premium', 1, true) ~= nil and value:lower():find('guidance', 1, true) ~= nil,
      'hover text mentions the guidance and Premium', vim.inspect(value))
  end

  -- Completion at a key position: an empty, indented line just below the first "    isolation:".
  local isolation_line
  for index, line in ipairs(lines) do
    if line:match('^    isolation:%s*$') then
      isolation_line = index -- 1-based index of the isolation line = 0-based index of the line below it
      break
    end
  end
  if check(isolation_line ~= nil, 'the file has an isolation mapping') then
    vim.api.nvim_buf_set_lines(bufnr, isolation_line, isolation_line, false, { '      ' })
    local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', {
      textDocument = { uri = vim.uri_from_bufnr(bufnr) },
      position = { line = isolation_line, character = 6 },
    }, timeout_ms)
    local response = responses and responses[client_id]
    local result = response and response.result
    local items = result and (result.items or result) or {}
    local labels = {}
    for _, item in ipairs(items) do
      table.insert(labels, item.label)
    end
    check(response ~= nil and response.err == nil and response.error == nil, 'completion answers without error', vim.inspect(response))
    check(#items > 0, 'completion offers items at a key position', vim.inspect(result))
    local offered = set_of(labels)
    check(offered['publicNetworkAccess'] and offered['firewallRules'] and not offered['vnetInjection'],
      'completion offers the missing isolation keys, not the present one', table.concat(labels, ', '))
    vim.api.nvim_buf_set_lines(bufnr, isolation_line, isolation_line + 1, false, {})
  end

  -- Stop the server cleanly (shutdown + exit) before Neovim quits.
  vim.lsp.stop_client(client_id)
  check(vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50), 'the server stops on request')
end)

if not ok then
  check(false, 'the test script ran to the end', tostring(err))
end
finish()
