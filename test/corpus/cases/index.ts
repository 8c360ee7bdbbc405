/** Every case of the corpus, in class order, then the clean corpus's own workbooks and issue 15's batch. */
import { Case } from "../model";
import { cases as c01 } from "./c01-balance";
import { cases as c02 } from "./c02-units";
import { cases as c03 } from "./c03-multiyear";
import { cases as c04 } from "./c04-transposed";
import { cases as c05 } from "./c05-growth-headers";
import { cases as c06 } from "./c06-stacked";
import { cases as c07 } from "./c07-text-periods";
import { cases as c08 } from "./c08-text-multiyear";
import { cases as c09 } from "./c09-text-tables";
import { cases as c10 } from "./c10-national";
import { cases as clean } from "./clean";
import { PREFECTURE } from "./p15-prefecture";

export const CASES: Case[] = [...c01, ...c02, ...c03, ...c04, ...c05, ...c06, ...c07, ...c08, ...c09, ...c10, ...clean, ...PREFECTURE.files];

/** The clean corpus: every case whose answer has no error and no warning by construction. */
export const CLEAN_CASES: Case[] = CASES.filter((c) => c.clean);
