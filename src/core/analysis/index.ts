export {
  analyseBalance,
  combineSigns,
  compareIds,
  MEMBERSHIP_TYPE,
  type BalanceCounts,
  type BalanceOptions,
  type BalanceReport,
  type SignedTie,
  type TieSign,
  type Triangle,
  type TriangleKind,
} from "./balance";
export { describeTriangle, PHRASES } from "./sentences";
