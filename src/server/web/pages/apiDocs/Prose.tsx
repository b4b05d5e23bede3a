/** A description from the OpenAPI document, its `backticked` words set as code (the only Markdown it uses). */
export function Prose({ text }: { text: string | undefined }) {
  return <>{(text ?? '').split('`').map((part, i) => (i % 2 === 1 ? <code>{part}</code> : part))}</>;
}
