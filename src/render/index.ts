/**
 * The renderer's public API: parse/v1 records (plus optional prose) → the documents Minutebook reads,
 * as text in the seed packs' conventions or as PDF. Each "render…" that returns an object also
 * gives the records the document states, as a perfect parser would return them.
 */
export type { PageMap } from "./compose";
export {
  type RenderedText,
  renderAgendaPack,
  renderAgendaPackText,
  renderFrontSheetText,
  renderMinutes,
  renderMinutesText,
  renderReportText,
} from "./pack";
export { type PdfOptions, type RenderedPdf, renderAgendaPackPdf, renderMinutesPdf, renderPackPdf } from "./pdf";
export type { MeetingDoc, MeetingLike, MeetingProse, MinuteProse, RenderStyle, ReportProse } from "./types";
