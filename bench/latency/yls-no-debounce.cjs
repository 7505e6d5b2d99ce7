// Preloaded into yaml-language-server (node --require) to set its validation debounce to 0 ms, the same setting the benchmark gives
// cachespec (diagnosticsDelayMs 0). The stock server waits 200 ms after each change and has no setting for it. Nothing else changes.
const path = require('node:path');

const settings = require(path.join(__dirname, 'node_modules', 'yaml-language-server', 'out', 'server', 'src', 'yamlSettings.js'));
const Stock = settings.SettingsState;

settings.SettingsState = class SettingsStateWithoutDebounce extends Stock {
  constructor() {
    super();
    this.validationDelayMs = 0;
  }
};
