/** The current `povlint.*` settings, coerced; invalid values are reported in the output channel. */
import * as vscode from 'vscode';
import { ALL_SETTINGS, coerceSettings, type Settings } from './model/settings.js';

export class SettingsStore implements vscode.Disposable {
  private value: Settings;
  private readonly changed = new vscode.EventEmitter<Settings>();
  readonly onDidChange = this.changed.event;
  private readonly listener: vscode.Disposable;

  constructor(private readonly output: vscode.LogOutputChannel) {
    this.value = this.read();
    this.listener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('povlint')) return;
      this.value = this.read();
      this.changed.fire(this.value);
    });
  }

  get current(): Settings {
    return this.value;
  }

  private read(): Settings {
    const config = vscode.workspace.getConfiguration('povlint');
    const raw = Object.fromEntries(ALL_SETTINGS.map((s) => [s.key, config.get(s.key)]));
    const { settings, errors } = coerceSettings(raw);
    for (const e of errors) this.output.warn(`[settings] ${e}`);
    return settings;
  }

  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
  }
}
