/** One suggestion for a search query. */
export interface SearchHit {
  actor: string;
  /** The label in the reader's language. */
  label: string;
  /** The text that matched (a label in any language or an alias), when it is not `label`. */
  matched?: string;
  /** Lower is better: 0 exact, 1 prefix, 2 word prefix, 3 substring. */
  rank: number;
}
