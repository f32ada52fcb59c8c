/**
 * Topics under their older names: a topic (thread) is a matter, found by src/link/matters on
 * evidence and then similar titles. Kept so callers that import from here read the same matters.
 */
export {
  findMatters as findTopics,
  type Matter as Thread,
  type MatterEvidence as Evidence,
  type MatterLink as ThreadLink,
  type MatterMember as ThreadMember,
  type MatterOptions as TopicOptions,
} from "../matters/matters";
