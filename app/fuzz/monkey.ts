import { Rng } from '../../src/engine/index.ts';

/** What a monkey did, for the log that lets a failure be replayed. */
export interface MonkeyAction {
  readonly kind: 'click' | 'type' | 'slide' | 'select' | 'drag' | 'key';
  readonly target: string;
  readonly detail: string;
}

/** Values a student might type into a number field: sensible ones, and the kinds that must be refused. */
export const TYPED = ['', 'NaN', 'abc', '-5', '0', '1e308', '1e-308', '0.001', '0.1', '1', '3', '7', '50', '128', '1e999', ' 2 ', '<b>x</b>'] as const;
/** Keys an instructor or a student reaches for (the app's shortcuts among them). */
export const KEYS = [
  ' ',
  '.',
  'r',
  'R',
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Enter',
  'Escape',
  'Tab',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  '1',
  '2',
  '3',
  'b',
  'p',
  '?',
] as const;

/** Elements a user can act on; `data-fuzz-skip` opts one out. */
const INTERACTIVE = 'button, a[href], input, select, textarea, [tabindex]:not([tabindex="-1"]), svg';

/** A short, stable description of an element for the log. */
export function describe(el: Element): string {
  const labelled = el instanceof HTMLInputElement || el instanceof HTMLSelectElement ? el.labels?.[0]?.textContent?.trim() : undefined;
  const label = el.getAttribute('aria-label') ?? labelled ?? el.getAttribute('name') ?? '';
  const text = (el.textContent ?? '').trim().slice(0, 30);
  return `${el.tagName.toLowerCase()}${label ? `[${label}]` : ''}${text && !label ? ` "${text}"` : ''}`;
}

/** Sets a form control's value the way typing would, so that React hears it. */
function setValue(el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, value: string): void {
  const proto = Object.getPrototypeOf(el) as object;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

function key(target: EventTarget, k: string): void {
  const init = { key: k, bubbles: true, cancelable: true };
  target.dispatchEvent(new KeyboardEvent('keydown', init));
  target.dispatchEvent(new KeyboardEvent('keyup', init));
}

function pointer(target: Element, type: string, x: number, y: number, buttons: number): void {
  target.dispatchEvent(
    new PointerEvent(type, {
      bubbles: true,
      cancelable: true,
      clientX: x,
      clientY: y,
      button: 0,
      buttons,
      pointerId: 1,
      pointerType: 'mouse',
      isPrimary: true,
    }),
  );
}

/**
 * A seeded monkey, as PhET's `?fuzz`: each `act()` picks a visible, enabled control in `root` and does
 * something a user could do to it: click, type a (often hostile) value, move a slider, pick an option, drag
 * across it, or press a key. The same seed makes the same choices.
 */
export class Monkey {
  private readonly rng: Rng;

  constructor(
    seed: number,
    private readonly root: Element,
  ) {
    this.rng = new Rng(seed);
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.rng.int(items.length)];
  }

  /** The controls a user could reach right now. */
  candidates(): Element[] {
    return [...this.root.querySelectorAll(INTERACTIVE)].filter((el) => {
      if (el.closest('[data-fuzz-skip]') !== null || el.hasAttribute('disabled')) return false;
      if (el instanceof HTMLAnchorElement && (el.hasAttribute('download') || el.origin !== location.origin || el.target === '_blank')) return false;
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0;
    });
  }

  /** Does one random thing; returns it, or null when nothing can be acted on. */
  act(): MonkeyAction | null {
    if (this.rng.uniform() < 0.15) {
      const k = this.pick(KEYS);
      // Half the time at the focused control, half at the page, where the app's shortcuts listen.
      const doc = this.root.ownerDocument;
      const target = (this.rng.uniform() < 0.5 ? doc.activeElement : null) ?? doc.body;
      key(target, k);
      return { kind: 'key', target: describe(target), detail: JSON.stringify(k) };
    }
    // Each kind of control is as likely as any other, so that forty unit buttons do not crowd out Play.
    const groups = new Map<string, Element[]>();
    for (const el of this.candidates()) {
      const kind = el instanceof HTMLInputElement ? `input:${el.type}` : el.tagName;
      groups.set(kind, [...(groups.get(kind) ?? []), el]);
    }
    if (groups.size === 0) return null;
    const el = this.pick(this.pick([...groups.values()]));
    const target = describe(el);
    if (el instanceof HTMLInputElement && el.type === 'range') {
      const min = Number(el.min || 0);
      const max = Number(el.max || 100);
      const value = String(min + this.rng.uniform() * (max - min));
      setValue(el, value);
      return { kind: 'slide', target, detail: value };
    }
    if (el instanceof HTMLInputElement && ['checkbox', 'radio'].includes(el.type)) {
      el.click();
      return { kind: 'click', target, detail: el.type };
    }
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
      const value = this.pick(TYPED);
      el.focus();
      setValue(el, value);
      if (this.rng.uniform() < 0.5) key(el, 'Enter');
      else el.blur();
      return { kind: 'type', target, detail: JSON.stringify(value) };
    }
    if (el instanceof HTMLSelectElement) {
      const options = [...el.options].filter((o) => !o.disabled);
      if (options.length === 0) return null;
      const value = this.pick(options).value;
      setValue(el, value);
      return { kind: 'select', target, detail: value };
    }
    if (el instanceof SVGSVGElement) return this.drag(el, target);
    if (el instanceof HTMLElement || el instanceof SVGElement) {
      el.focus();
      if (this.rng.uniform() < 0.3) {
        const k = this.pick(KEYS);
        key(el, k);
        return { kind: 'key', target, detail: JSON.stringify(k) };
      }
      if (el instanceof HTMLElement) el.click();
      else el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
      return { kind: 'click', target, detail: '' };
    }
    return null;
  }

  /** Presses inside the element, moves a few times and lets go (or hovers without pressing). */
  private drag(el: SVGSVGElement, target: string): MonkeyAction {
    const box = el.getBoundingClientRect();
    const at = (): [number, number] => [box.left + this.rng.uniform() * box.width, box.top + this.rng.uniform() * box.height];
    const press = this.rng.uniform() < 0.7;
    let [x, y] = at();
    if (press) pointer(el, 'pointerdown', x, y, 1);
    const moves = 1 + this.rng.int(5);
    for (let i = 0; i < moves; i++) {
      [x, y] = at();
      pointer(el, 'pointermove', x, y, press ? 1 : 0);
    }
    if (press) pointer(el, 'pointerup', x, y, 0);
    else pointer(el, 'pointerout', x, y, 0);
    return { kind: 'drag', target, detail: `${press ? 'drag' : 'hover'} ×${moves}` };
  }
}
