import { presetWatch } from '../src/claims/index.ts';
import type { MouseEvent } from 'react';
import { DEFAULT_CONFIG } from '../src/config/index.ts';
import { PRESETS, type Preset } from '../src/experiment/index.ts';
import { LOCKED_TITLE, LockIcon } from './controls/LockGroup.tsx';
import { LINK_VERSION } from './linkUi.ts';
import { navigate } from './navigation/navigate.ts';
import { notify, useStore } from './store/store.ts';
import { startFresh } from './trainer/startFresh.ts';
import { useTrainer } from './trainer/TrainerContext.tsx';

/** A scenario's share link: short and readable, the preset by name. */
export function scenarioLink(preset: Preset): string {
  return `?v=${LINK_VERSION}&preset=${preset.name}`;
}

/**
 * The scenarios, one card each: a title, what to watch, and a link. Clicking it loads the setup into the lab
 * and starts training; the same link, shared or opened in a new tab, opens the same setup. When the embedding
 * page locks the presets (`lock=presets` or `all`), as the Preset menu, the cards show but none can be chosen:
 * each link loses its href (neither a click, Enter nor Tab reaches it) and says why.
 */
export function ScenarioGallery() {
  const trainer = useTrainer();
  const locked = useStore((s) => s.locked.includes('presets'));
  const open = (e: MouseEvent<HTMLAnchorElement>, preset: Preset) => {
    if (locked) {
      e.preventDefault();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    startFresh(trainer, { ...DEFAULT_CONFIG, ...preset.config }, true);
    navigate({ view: 'lab' });
    notify(`${preset.title}: ${presetWatch(preset)}`, 'info', 'preset');
  };
  return (
    <section className="gallery" aria-labelledby="gallery-title">
      <h2 id="gallery-title">Scenarios</h2>
      <p className="watch">One click sets up the lab and starts it. Each is also a link to hand out: it opens the same setup anywhere.</p>
      {locked && (
        <p className="lock-note" data-testid="gallery-locked">
          <LockIcon /> {LOCKED_TITLE}
        </p>
      )}
      <ul className="gallery-cards">
        {PRESETS.map((p) => (
          <li key={p.name} className="gallery-card" data-scenario={p.name}>
            <h3>{p.title}</h3>
            <p>{presetWatch(p)}</p>
            <a
              href={locked ? undefined : scenarioLink(p)}
              role={locked ? 'link' : undefined}
              aria-disabled={locked ? true : undefined}
              title={locked ? LOCKED_TITLE : undefined}
              onClick={(e) => open(e, p)}
            >
              ▶ Run it in the lab
              <span className="sr-only">: {p.title}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
