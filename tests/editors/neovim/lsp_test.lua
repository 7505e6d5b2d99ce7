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

  -- Opens a file in a buffer of its own (without showing it) and attaches the client to it.
  local function open_attached(file)
    local buffer = vim.fn.bufadd(file)
    vim.fn.bufload(buffer)
    vim.lsp.buf_attach_client(buffer, client_id)
    return buffer
  end

  local function find_line(buffer_lines, text, from)
    for index = from or 1, #buffer_lines do
      local col = buffer_lines[index]:find(text, 1, true)
      if col then
        return index - 1, col - 1 -- 0-based line and column
      end
    end
  end

  -- Go to definition across files: `subnet: hub/endpoints` in payments.cachespec.yaml names a subnet declared in network.cachespec.yaml.
  local repo = vim.fn.fnamemodify(path, ':p:h:h:h')
  local network_path = repo .. '/examples/workspace/network.cachespec.yaml'
  local payments_path = repo .. '/examples/workspace/payments.cachespec.yaml'
  local network_buf = open_attached(network_path)
  local payments_buf = open_attached(payments_path)
  local reference_line, reference_col = find_line(vim.api.nvim_buf_get_lines(payments_buf, 0, -1, false), 'subnet: hub/endpoints')
  local network_lines = vim.api.nvim_buf_get_lines(network_buf, 0, -1, false)
  local hub_line = find_line(network_lines, '- name: hub')
  local subnet_line, subnet_col = find_line(network_lines, '- name: endpoints', hub_line and hub_line + 2)
  if check(reference_line ~= nil and subnet_line ~= nil, 'the workspace example has subnet: hub/endpoints and its declaration') then
    local character = reference_col + #'subnet: hub/' + 2 -- inside "endpoints"
    local responses = vim.lsp.buf_request_sync(payments_buf, 'textDocument/definition', {
      textDocument = { uri = vim.uri_from_bufnr(payments_buf) },
      position = { line = reference_line, character = character },
    }, timeout_ms)
    local response = responses and responses[client_id]
    local result = response and response.result
    local location = result and (result.uri and result or result[1])
    local uri = location and (location.uri or location.targetUri)
    local range = location and (location.range or location.targetSelectionRange)
    check(response ~= nil and response.err == nil and response.error == nil, 'definition answers without error', vim.inspect(response))
    check(uri ~= nil and uri:match('/examples/workspace/network%.cachespec%.yaml$') ~= nil,
      'definition of hub/endpoints is in network.cachespec.yaml', vim.inspect(location))
    local name_col = subnet_col and (subnet_col + #'- name: ')
    check(range ~= nil and range.start.line == subnet_line and range.start.character == name_col,
      string.format('definition points at the subnet name (line %d, column %d)', subnet_line + 1, (name_col or 0) + 1), vim.inspect(range))
  end

  -- A quick fix, applied by Neovim, makes its diagnostic go away (on a scratch copy, so the example stays as it is).
  local scratch_dir = vim.fn.tempname()
  vim.fn.mkdir(scratch_dir, 'p')
  local scratch_path = scratch_dir .. '/scratch.cachespec.yaml'
  vim.fn.writefile(vim.fn.readfile(path), scratch_path)
  local scratch_buf = open_attached(scratch_path)
  local target_code = 'non-tls-port-enabled'
  local function scratch_diagnostic()
    for _, diagnostic in ipairs(vim.diagnostic.get(scratch_buf)) do
      local code = diagnostic.code or (diagnostic.user_data and diagnostic.user_data.lsp and diagnostic.user_data.lsp.code)
      if code == target_code then
        return diagnostic
      end
    end
  end
  vim.wait(timeout_ms, function() return scratch_diagnostic() ~= nil end, 50)
  local target = scratch_diagnostic()
  if check(target ~= nil, 'the scratch copy reports ' .. target_code) then
    -- The buffer is ASCII, so byte columns equal UTF-16 columns.
    local range = {
      start = { line = target.lnum, character = target.col },
      ['end'] = { line = target.end_lnum, character = target.end_col },
    }
    local responses = vim.lsp.buf_request_sync(scratch_buf, 'textDocument/codeAction', {
      textDocument = { uri = vim.uri_from_bufnr(scratch_buf) },
      range = range,
      context = { diagnostics = { { range = range, code = target_code, message = target.message, severity = 2 } } },
    }, timeout_ms)
    local response = responses and responses[client_id]
    local actions = (response and response.result) or {}
    local fix, titles = nil, {}
    for _, action in ipairs(actions) do
      table.insert(titles, tostring(action.kind) .. ': ' .. tostring(action.title))
      if fix == nil and action.kind == 'quickfix' and action.edit then
        fix = action
      end
    end
    check(response ~= nil and response.err == nil and response.error == nil, 'code action answers without error', vim.inspect(response))
    if check(fix ~= nil, 'a quick fix is offered for ' .. target_code, table.concat(titles, ' | ')) then
      local before = table.concat(vim.api.nvim_buf_get_lines(scratch_buf, 0, -1, false), '\n')
      vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
      local after = table.concat(vim.api.nvim_buf_get_lines(scratch_buf, 0, -1, false), '\n')
      check(after ~= before, 'applying the quick fix "' .. fix.title .. '" changes the buffer')
      local gone = vim.wait(timeout_ms, function()
        return scratch_diagnostic() == nil and #vim.diagnostic.get(scratch_buf) > 0
      end, 50)
      check(gone, 'after the quick fix, ' .. target_code .. ' is no longer reported',
        vim.inspect(vim.tbl_map(function(d) return d.code end, vim.diagnostic.get(scratch_buf))))
    end
  end
  vim.fn.delete(scratch_dir, 'rf')

  -- Stop the server cleanly (shutdown + exit) before Neovim quits.
  vim.lsp.stop_client(client_id)
  check(vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50), 'the server stops on request')
end)

if not ok then
  check(false, 'the test script ran to the end', tostring(err))
end
finish()
