import { onLinkClick, useHref } from '../navigation/navigate.ts';
import { useStore } from '../store/store.ts';

/** A link to the stacked-layers demo, the other half of the shift argument. */
export function ChainLink() {
  const section = useStore((s) => s.section);
  const href = useHref({ view: 'chain', section });
  return (
    <p className="chain-link">
      <a href={href} onClick={onLinkClick({ view: 'chain' })}>
        Open “Stacked layers”: the ŷ = x·w₁·w₂·w₃ chain, where one learning rate cannot suit every weight →
      </a>
    </p>
  );
}
