import { queryFor } from '../shareQuery.ts';
import { linkUiOf, useStore } from '../store/store.ts';

/** A link to the stacked-layers demo, the other half of the shift argument. */
export function ChainLink() {
  const config = useStore((s) => s.config);
  return (
    <p className="chain-link">
      <a
        href={queryFor('chain', config, null, undefined, linkUiOf(useStore.getState()))}
        onClick={(e) => {
          if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
          e.preventDefault();
          history.pushState(null, '', queryFor('chain', config, null, undefined, linkUiOf(useStore.getState())));
          useStore.setState({ view: 'chain' });
          window.scrollTo({ top: 0 });
        }}
      >
        Open “Stacked layers”: the ŷ = x·w₁·w₂·w₃ chain, where one learning rate cannot suit every weight →
      </a>
    </p>
  );
}
