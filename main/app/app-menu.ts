/**
 * A minimal application menu (Electron glue): standard roles only, so nothing in it can load a
 * URL, open help pages online or check for updates. DevTools appear only in development.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';

export function installAppMenu({ isMac, allowDevTools }: { isMac: boolean; allowDevTools: boolean }): void {
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) template.push({ role: 'appMenu' });
  else template.push({ label: 'File', submenu: [{ role: 'quit' }] });
  template.push({ role: 'editMenu' });
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (allowDevTools) view.push({ type: 'separator' }, { role: 'toggleDevTools' });
  template.push({ label: 'View', submenu: view });
  template.push({ role: 'windowMenu' });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
