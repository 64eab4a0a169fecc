export * from "./schema";
export { validateDataset, parseDatasetJson, linkProblems } from "./validate";
export { pickText, pickLanguage } from "./text";
export { lookup, type DatasetLookup } from "./lookup";
