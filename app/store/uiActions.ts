import type { Config } from '../../src/config/index.ts';
import type { Speed } from '../../src/worker/index.ts';
import type { LinkUi, PanelId } from '../linkUi.ts';
import type { SectionId } from '../story/sections.ts';
import type { ViewId } from '../views.ts';
import type { Theme } from '../viz/palette.ts';
import { initialState, useStore } from './store.ts';

/** The ui slice's actions: the only writers of what the page shows. */

/** What a link opens: its config, view, section, page state and `parallel` override. */
export interface Opening {
  readonly config: Config;
  readonly view: ViewId;
  readonly section: SectionId;
  readonly ui: LinkUi;
  readonly parallel: string | null;
}

/** Starts the page at what its link says (main.tsx, once). */
export function openPage(o: Opening): void {
  useStore.setState({
    ...initialState(o.config),
    view: o.view,
    section: o.section,
    presenting: o.ui.present,
    fullPanel: o.ui.panel,
    hidden: o.ui.hide,
    embedded: o.ui.embed,
    locked: o.ui.lock,
    linkTheme: o.ui.theme,
    parallel: o.parallel,
  });
}

/** Shows a view and section; a full-screen panel ends when the page moves (the panel may not be there). */
export function showPage(view: ViewId, section: SectionId): void {
  useStore.setState((s) => (s.view === view && s.section === section ? {} : { view, section, fullPanel: null }));
}

/** Presenter mode on or off (P): the full-screen panel ends either way. */
export function togglePresenting(): void {
  useStore.setState((s) => ({ presenting: !s.presenting, fullPanel: null, qrOpen: false }));
}

/** Enters presenter mode (the masthead's Present button). */
export function startPresenting(): void {
  useStore.setState({ presenting: true });
}

/** Leaves presenter mode and any full-screen panel (the presenter bar's button). */
export function stopPresenting(): void {
  useStore.setState({ presenting: false, fullPanel: null, qrOpen: false });
}

/** Opens or closes the shortcut sheet. */
export function setSheetOpen(open: boolean): void {
  useStore.setState({ sheetOpen: open });
}

/** The shortcut sheet open or closed (?). */
export function toggleSheet(): void {
  useStore.setState((s) => ({ sheetOpen: !s.sheetOpen }));
}

/** Shows or hides the class's QR code (presenter mode only); showing it closes the sheet it may be opened from. */
export function setQrOpen(open: boolean): void {
  useStore.setState((s) => (open ? { qrOpen: s.presenting, sheetOpen: false } : { qrOpen: false }));
}

/** The class's QR code shown or hidden (Q). */
export function toggleQr(): void {
  setQrOpen(!useStore.getState().qrOpen);
}

/** Esc: closes the innermost of the sheet, the QR code, the full-screen panel and presenter mode; whether one was open. */
export function leaveInnermost(): boolean {
  const s = useStore.getState();
  if (s.sheetOpen) useStore.setState({ sheetOpen: false });
  else if (s.qrOpen) useStore.setState({ qrOpen: false });
  else if (s.fullPanel !== null) useStore.setState({ fullPanel: null });
  else if (s.presenting) useStore.setState({ presenting: false });
  else return false;
  return true;
}

/** Shows a panel full screen, or none. */
export function setFullPanel(id: PanelId | null): void {
  useStore.setState({ fullPanel: id });
}

/** Remembers the panel last clicked or focused: the one F enlarges. */
export function focusPanel(id: PanelId): void {
  if (useStore.getState().focusPanel !== id) useStore.setState({ focusPanel: id });
}

/** The loss axis on a log scale or not. */
export function setLogLoss(on: boolean): void {
  useStore.setState({ logLoss: on });
}

/** Time charts' step axis on a log scale or not. */
export function setLogSteps(on: boolean): void {
  useStore.setState({ logSteps: on });
}

/** The page's color theme. */
export function setTheme(theme: Theme): void {
  useStore.setState({ theme });
}

/** The training pace the reader picked (the trainer client follows it). */
export function setSpeed(speed: Speed): void {
  useStore.setState({ speed });
}
