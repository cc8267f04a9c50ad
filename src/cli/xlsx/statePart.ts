/**
 * The Growth Signals state as a custom XML part (customXml/itemN.xml + itemPropsN.xml, related from the
 * workbook), in the shared format of src/core/state.ts so the task pane can read and clear it too.
 */
import { readStatePart, serializeOverlayState, type OverlayState } from "../../core/overlayState";
import type { Bilingual } from "../../core/rules/types";
import { STATE_NAMESPACE } from "../../core/state";
import type { XlsxPackage } from "./package";
import { relsPathOf, resolveTarget } from "./package";

const REL_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";
const REL_CUSTOM_XML_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps";
const CT_CUSTOM_XML_PROPS = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";
/** A fixed datastore item id: a workbook holds at most one Growth Signals state part. */
const ITEM_ID = "{6B1E4C2A-5D0F-4E8B-9A47-3C2F1D0E5B71}";

export interface StatePart {
  path: string;
  /** The state, validated; null when the part is ours but does not validate (problem says why). */
  state: OverlayState | null;
  problem?: Bilingual;
}

/** Every custom XML part in the Growth Signals namespace (normally one), read and validated. */
export async function findStateParts(pkg: XlsxPackage): Promise<StatePart[]> {
  const out: StatePart[] = [];
  for (const path of pkg.paths()) {
    if (!/^customXml\/item\d*\.xml$/i.test(path)) continue;
    const xml = await pkg.text(path);
    if (!xml.includes(STATE_NAMESPACE)) continue;
    const reading = readStatePart(xml);
    if (!reading) continue;
    if ("state" in reading) out.push({ path, state: reading.state });
    else out.push({ path, state: null, problem: reading.problem });
  }
  return out;
}

export async function addStatePart(pkg: XlsxPackage, state: OverlayState): Promise<string> {
  let n = 1;
  while (pkg.has(`customXml/item${n}.xml`) || pkg.has(`customXml/itemProps${n}.xml`)) n++;
  const item = `customXml/item${n}.xml`;
  const props = `customXml/itemProps${n}.xml`;
  pkg.setText(item, serializeOverlayState(state));
  pkg.setText(
    props,
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' +
      `<ds:datastoreItem ds:itemID="${ITEM_ID}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">` +
      `<ds:schemaRefs><ds:schemaRef ds:uri="${STATE_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`,
  );
  await pkg.addRel(item, REL_CUSTOM_XML_PROPS, props);
  await pkg.addRel(pkg.workbookPath, REL_CUSTOM_XML, item);
  await pkg.addContentTypeOverride(props, CT_CUSTOM_XML_PROPS);
  await pkg.ensureContentType(item, "application/xml");
  return item;
}

/** Removes a state part with its properties part, relationships and content types. */
export async function removeStatePart(pkg: XlsxPackage, item: string): Promise<void> {
  for (const rel of await pkg.rels(item)) {
    if (rel.external) continue;
    const target = resolveTarget(item, rel.target);
    pkg.remove(target);
    await pkg.removeContentTypeOverride(target);
  }
  if (pkg.has(relsPathOf(item))) pkg.remove(relsPathOf(item));
  pkg.remove(item);
  await pkg.removeContentTypeOverride(item);
  for (const source of [pkg.workbookPath, ""]) {
    await pkg.removeRelsTo(source, item);
  }
}
