/**
 * What made a check cover less than the default one — settings that turn rules off or loosen thresholds, the
 * add-in's own sheets left out — shown above the findings, so that "no findings" never hides it.
 */
import * as React from "react";
import { MessageBar, MessageBarBody } from "@fluentui/react-components";

export function ScopeNotes({ notes }: { notes: readonly string[] }) {
  if (!notes.length) return null;
  return (
    <div data-scope-notes>
      {notes.map((note, i) => (
        <MessageBar key={i} intent="warning">
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}
