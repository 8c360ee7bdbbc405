/** The indicator rules (SPEC §4.2, §4.3), in the order findings of one cell are listed. */
import { IndicatorRule } from "../types";
import { indicatorMissingValue } from "./missingValue";
import { indicatorNotANumber } from "./notANumber";
import { indicatorTargetMiss } from "./indicatorTargetMiss";
import { indicatorUnexplained } from "./indicatorUnexplained";
import { scoreMismatch } from "./scoreMismatch";
import { targetUnreadable } from "./targetUnreadable";

export const INDICATOR_RULES: readonly IndicatorRule[] = [
  indicatorNotANumber,
  indicatorMissingValue,
  targetUnreadable,
  indicatorTargetMiss,
  indicatorUnexplained,
  scoreMismatch,
];
