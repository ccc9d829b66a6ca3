import katex from 'katex';
import 'katex/dist/katex.min.css';
import { useMemo } from 'react';

/**
 * Math typeset by KaTeX, from a TeX string written in this repository (never from the link or the user).
 * KaTeX's output carries MathML too, so screen readers read the formula.
 */
export function Tex({ tex, block = false }: { tex: string; block?: boolean }) {
  const html = useMemo(() => katex.renderToString(tex, { displayMode: block, throwOnError: false, output: 'htmlAndMathml' }), [tex, block]);
  const Tag = block ? 'div' : 'span';
  return <Tag className={block ? 'tex-block' : 'tex'} dangerouslySetInnerHTML={{ __html: html }} />;
}
