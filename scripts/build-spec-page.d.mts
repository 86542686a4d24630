/** GitHub's heading id for a heading's text. */
export function slugOf(text: string): string;
/** docs/spec.md as a standalone HTML page, its rule anchors (`<a id="r7"></a>`) kept. */
export function renderSpecPage(markdown: string): string;
