import { describe, expect, it } from 'vitest';
import { BINDINGS, intentFor, isTyping, pressesOnSpace, type KeyPress, type KeyScene } from './keymap.ts';

/** A stand-in for a DOM element (the unit tests run in Node): its tag and whether its text is editable. */
const el = (tagName: string, isContentEditable = false) => ({ tagName, isContentEditable }) as unknown as EventTarget;
const body = el('BODY');
const press = (key: string, target: EventTarget | null = body, mods: Partial<KeyPress> = {}): KeyPress => ({ key, target, ...mods });
const lab: KeyScene = { view: 'lab', presenting: false, sheetOpen: false };
const story: KeyScene = { view: 'story', presenting: false, sheetOpen: false };
const presenting = (view: KeyScene['view']): KeyScene => ({ view, presenting: true, sheetOpen: false });

describe('isTyping', () => {
  it('counts inputs, selects, textareas and editable text as typing, and nothing else', () => {
    for (const tag of ['INPUT', 'SELECT', 'TEXTAREA', 'input']) expect(isTyping(el(tag))).toBe(true);
    expect(isTyping(el('DIV', true))).toBe(true);
    for (const tag of ['BODY', 'BUTTON', 'A', 'SUMMARY', 'DIV', 'svg']) expect(isTyping(el(tag))).toBe(false);
    expect(isTyping(null)).toBe(false);
    expect(isTyping({} as EventTarget)).toBe(false);
  });

  it('leaves Space to buttons, links and disclosure summaries, which press on it', () => {
    for (const tag of ['BUTTON', 'A', 'SUMMARY']) expect(pressesOnSpace(el(tag))).toBe(true);
    expect(pressesOnSpace(el('INPUT'))).toBe(false);
    expect(pressesOnSpace(body)).toBe(false);
  });
});

describe('intentFor', () => {
  it('maps the lab keys in the lab only', () => {
    expect(intentFor(press(' '), lab)).toBe('labPlayPause');
    expect(intentFor(press('.'), lab)).toBe('labStep');
    expect(intentFor(press('r'), lab)).toBe('labReset');
    expect(intentFor(press('R'), lab)).toBe('labReset');
    expect(intentFor(press('.'), story)).toBeNull();
    expect(intentFor(press('.'), { ...lab, view: 'scaling' })).toBeNull();
  });

  it('maps the story keys: arrows move between sections, Space and R drive the section’s demo', () => {
    expect(intentFor(press('ArrowRight'), story)).toBe('nextSection');
    expect(intentFor(press('ArrowLeft'), story)).toBe('previousSection');
    expect(intentFor(press(' '), story)).toBe('demoPlayPause');
    expect(intentFor(press('r'), story)).toBe('demoReplay');
    expect(intentFor(press('ArrowRight'), lab)).toBeNull();
  });

  it('in presenter mode, the arrows move through the talk (in the story too), and B, 1, 2, 3 act', () => {
    expect(intentFor(press('ArrowRight'), presenting('story'))).toBe('nextSlide');
    expect(intentFor(press('ArrowLeft'), presenting('lab'))).toBe('previousSlide');
    expect(intentFor(press('b'), presenting('lab'))).toBe('flipPlacements');
    expect(intentFor(press('1'), presenting('story'))).toBe('twoVariants');
    expect(intentFor(press('3'), presenting('lab'))).toBe('fourVariants');
    // Out of presenter mode these keys are not shortcuts.
    expect(intentFor(press('b'), lab)).toBeNull();
    expect(intentFor(press('2'), lab)).toBeNull();
    // The story's demo and the lab's run keep their keys in presenter mode.
    expect(intentFor(press(' '), presenting('story'))).toBe('demoPlayPause');
    expect(intentFor(press(' '), presenting('lab'))).toBe('labPlayPause');
  });

  it('Q shows the class the QR code in presenter mode only, and closes it over a modal', () => {
    expect(intentFor(press('q'), presenting('story'))).toBe('toggleQr');
    expect(intentFor(press('Q'), presenting('lab'))).toBe('toggleQr');
    expect(intentFor(press('q'), lab)).toBeNull();
    expect(intentFor(press('q'), { ...presenting('lab'), sheetOpen: true })).toBe('toggleQr');
    expect(intentFor(press('ArrowRight'), { ...presenting('lab'), sheetOpen: true })).toBeNull();
  });

  it('maps P, F, ? and Esc anywhere', () => {
    for (const scene of [lab, story, presenting('story'), { ...lab, view: 'chain' as const }]) {
      expect(intentFor(press('p'), scene)).toBe('togglePresenting');
      expect(intentFor(press('F'), scene)).toBe('toggleFullPanel');
      expect(intentFor(press('?'), scene)).toBe('toggleSheet');
      expect(intentFor(press('Escape'), scene)).toBe('escape');
    }
  });

  it('lets no shortcut act while typing in a field, but Esc', () => {
    for (const target of [el('INPUT'), el('TEXTAREA'), el('SELECT'), el('P', true)]) {
      for (const key of [' ', '.', 'r', 'p', 'f', '?', 'ArrowRight', 'b', '1']) {
        expect(intentFor(press(key, target), presenting('lab'))).toBeNull();
        expect(intentFor(press(key, target), story)).toBeNull();
      }
      expect(intentFor(press('Escape', target), lab)).toBe('escape');
    }
  });

  it('leaves Space to a focused button, but not the other keys', () => {
    expect(intentFor(press(' ', el('BUTTON')), lab)).toBeNull();
    expect(intentFor(press(' ', el('SUMMARY')), story)).toBeNull();
    expect(intentFor(press('.', el('BUTTON')), lab)).toBe('labStep');
    expect(intentFor(press('p', el('BUTTON')), lab)).toBe('togglePresenting');
  });

  it('ignores chords with Ctrl, Meta or Alt, composition, and keys a control already used', () => {
    for (const mods of [{ ctrlKey: true }, { metaKey: true }, { altKey: true }, { isComposing: true }, { defaultPrevented: true }]) {
      expect(intentFor(press('r', body, mods), lab)).toBeNull();
      expect(intentFor(press('ArrowRight', body, mods), presenting('story'))).toBeNull();
    }
    // Shift is how "?" is typed: it counts.
    expect(intentFor(press('?', body, { ctrlKey: false }), lab)).toBe('toggleSheet');
  });

  it('behind the open sheet, only ? and Esc act', () => {
    const sheet = { ...presenting('lab'), sheetOpen: true };
    for (const key of [' ', '.', 'r', 'p', 'f', 'ArrowRight', 'b', '3']) expect(intentFor(press(key), sheet)).toBeNull();
    expect(intentFor(press('?'), sheet)).toBe('toggleSheet');
    expect(intentFor(press('Escape'), sheet)).toBe('escape');
  });

  it('knows no other keys, nor names inherited from Object', () => {
    for (const key of ['x', 'Enter', 'Tab', 'toString', 'constructor', '__proto__']) expect(intentFor(press(key), presenting('story'))).toBeNull();
  });
});

describe('BINDINGS', () => {
  it('give every intent one key row per context, so the sheet lists each once', () => {
    const seen = new Set<string>();
    for (const b of BINDINGS)
      for (const [key, intent] of Object.entries(b.keys)) {
        expect(seen.has(`${b.context}:${key}`)).toBe(false);
        seen.add(`${b.context}:${key}`);
        expect(intent).toBeTruthy();
      }
    expect(BINDINGS.every((b) => b.label.length > 0 && b.what.length > 0)).toBe(true);
  });
});
