/** A formula typeset with KaTeX (bundled, so it works offline). */
import katex from 'katex';
import { useMemo } from 'react';

/** Renders TeX source; `block` centres it on its own line. */
export function Tex({ tex, block = false }: { tex: string; block?: boolean }) {
  const html = useMemo(() => katex.renderToString(tex, { throwOnError: false, displayMode: block, output: 'html' }), [tex, block]);
  return <span className={block ? 'tex tex-block' : 'tex'} dangerouslySetInnerHTML={{ __html: html }} />;
}
