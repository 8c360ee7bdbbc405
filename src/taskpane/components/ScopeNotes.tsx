/**
 * What made a check cover less than the default one, shown above the findings so that "no findings" never hides
 * it: settings that turn rules off or loosen thresholds (a warning), the add-in's own sheets left out (a note).
 */
import * as React from "react";
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { CheckResult } from "../../core/api";
import { effectsSentences, skippedSentence } from "../../core/settingsEffects";
import type { Lang } from "../../core/words";

export function ScopeNotes({ result, lang }: { result: CheckResult; lang: Lang }) {
  const warnings = effectsSentences(result.settings ?? [], lang);
  const skipped = skippedSentence(result.skipped, lang);
  if (!warnings.length && !skipped) return null;
  return (
    <div data-scope-notes>
      {warnings.map((note, i) => (
        <MessageBar key={i} intent="warning">
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      ))}
      {skipped && (
        <MessageBar intent="info">
          <MessageBarBody>{skipped}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
