/** How indicator findings write figures, targets and the scoring rule. */
import Decimal from "decimal.js";
import { Message } from "../findings";
import { ScoringRuleName } from "./targetValue";
import { Figure } from "../model";
import { IndicatorTarget } from "./targetValue";
import { exact } from "../numbers";
import { stated } from "../rules/figureText";

/** The scoring rules by name, as findings name them ("按比例计分 / proportional"). */
export const SCORING_RULE_LABELS: Record<ScoringRuleName, Message> = {
  proportional: { zh: "按比例计分", en: "proportional" },
  "all-or-nothing": { zh: "达标得满分、未达标不得分", en: "all-or-nothing" },
};

export function scoringLabel(rule: ScoringRuleName): Message {
  return SCORING_RULE_LABELS[rule] ?? { zh: rule, en: rule };
}

/** A cell as the user wrote it: its text, or a number in its own format ("93%", "9.5"). */
export function shown(figure: Figure | undefined, text?: string): string {
  if (figure?.read.kind === "number") return stated(figure.read) + (figure.read.unit ?? "");
  if (text !== undefined && text !== "") return text;
  if (figure?.read.kind === "text") return figure.read.text;
  return "";
}

/**
 * An indicator's actual as the user means it: against a percentage target a plain number is a rate — 0.97 is
 * shown "97%", and 97 (percent points, as the target reader takes it) "97%" too; otherwise as `shown`.
 */
export function shownActual(figure: Figure | undefined, text: string | undefined, target: IndicatorTarget | undefined): string {
  const read = figure?.read;
  const percentTarget = (target?.kind === "bound" || target?.kind === "range") && target.percent;
  if (!percentTarget || read?.kind !== "number" || read.percent || read.permille || read.unit) return shown(figure, text);
  if (Math.abs(read.value) > 10) return stated(read) + "%";
  return exact(read).times(100).toFixed(Math.max(0, read.decimals - 2)) + "%";
}

/** A computed score or sum: at most two decimals, no trailing zeros ("9.5", "100"). */
export function points(value: Decimal): string {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toString();
}

/** Placeholders people type in a cell that has nothing to hold ("—", "/", "-"). */
export function isPlaceholder(text: string | undefined): boolean {
  return text !== undefined && /^[\s\-—–－/／\\、]+$/.test(text);
}
