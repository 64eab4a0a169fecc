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
export {
  actorNumbers,
  metricSizes,
  SIZE_METRICS,
  type ActorNumbers,
  type ActorNumbersOptions,
  type SizeMetric,
} from "./centrality";
export {
  communityColor,
  COMMUNITY_COLORS,
  friendlyCommunities,
  SINGLETON_COLOR,
  type Communities,
  type CommunityOptions,
} from "./communities";
