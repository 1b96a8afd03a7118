// Cross-field rules on a claim that JSON Schema cannot state (comparisons
// between two fields). The schema's if/then rules cover which fields are null
// for each count_qualifier; these cover how the numbers, spans and dates relate.
// Each rule only runs when the fields it compares have the right types, so a
// type error is reported once, by the schema, not again here.
import type { RecordError } from "./errors.js";

const isInt = (v: unknown): v is number => Number.isInteger(v);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (v: unknown): v is string => typeof v === "string" && ISO_DATE.test(v);

export function claimRuleErrors(record: Record<string, unknown>): RecordError[] {
  const errors: RecordError[] = [];
  const fail = (pointer: string, message: string) => errors.push({ pointer, message });
  const { count, count_low: low, count_high: high, count_qualifier: q } = record;

  if (isInt(count) && isInt(low) && low > count) fail("/count_low", `count_low ${low} is above count ${count}`);
  if (isInt(count) && isInt(high) && high < count) fail("/count_high", `count_high ${high} is below count ${count}`);
  if (q === "exact" && isInt(count)) {
    if (isInt(low) && low !== count) fail("/count_low", `count_qualifier exact: count_low ${low} differs from count ${count}`);
    if (isInt(high) && high !== count) fail("/count_high", `count_qualifier exact: count_high ${high} differs from count ${count}`);
  }
  // The codebook's bound for "more than N" / "up to N" is N itself, the stated count.
  if (q === "at_least" && isInt(count) && isInt(low) && low < count) {
    fail("/count_low", `count_qualifier at_least: count_low ${low} differs from count ${count}`);
  }
  if (q === "up_to" && isInt(count) && isInt(high) && high > count) {
    fail("/count_high", `count_qualifier up_to: count_high ${high} differs from count ${count}`);
  }
  if (q === "range" && isInt(low) && isInt(high)) {
    if (low >= high) fail("/count_high", `count_qualifier range: count_high ${high} is not above count_low ${low}`);
    if (isInt(count) && count !== low) fail("/count", `count_qualifier range: count ${count} is not count_low ${low}`);
  }

  const { span_start, span_end, quote, raw_span_start, raw_span_end } = record;
  if (isInt(span_start) && isInt(span_end)) {
    if (span_end <= span_start) fail("/span_end", `span_end ${span_end} is not after span_start ${span_start}`);
    else if (typeof quote === "string" && quote.length !== span_end - span_start) {
      fail("/quote", `quote has ${quote.length} UTF-16 code units but the span covers ${span_end - span_start}`);
    }
  }
  if (isInt(raw_span_start) && isInt(raw_span_end) && raw_span_end <= raw_span_start) {
    fail("/raw_span_end", `raw_span_end ${raw_span_end} is not after raw_span_start ${raw_span_start}`);
  }

  const { statement_date, published_at } = record;
  if (isDate(statement_date) && isDate(published_at) && statement_date > published_at) {
    fail("/statement_date", `statement_date ${statement_date} is after published_at ${published_at}`);
  }
  return errors;
}
