/**
 * The date a build stamps into its files: SOURCE_DATE_EPOCH (seconds) when it
 * is set, so that the same input gives byte-identical PDFs and PPTX files
 * (https://reproducible-builds.org/specs/source-date-epoch/), else now.
 */
export function buildDate(): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
}
