/** The prefecture review (docs/reference.md, "The matrix"): many counties' workbooks → one matrix and the cross-file check. */
export * from "./build";
export * from "./names";
export * from "./summary";
export { crossFileCheck } from "./crossFile";
