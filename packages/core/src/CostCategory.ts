/**
 * Cost categories of a budget line ("voci di spesa"): what a cost is for, independent of how
 * its amount is computed (see `CostOption`). Flat rates select their base by category ("15 %
 * of direct staff costs"), so the category is part of the arithmetic, not only a label.
 *
 * The 2017 avviso's own list of cost categories was not found (facts.md §1.2 and §6.4): this
 * list follows the usual ESF breakdown (and Jems, which has staff, office and administration,
 * travel, external expertise, equipment, infrastructure) with the ESF-specific allowances paid
 * to participants ("indennità di partecipazione", facts.md §1.2) as a category of their own.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

/**
 * What a budget line pays for:
 * - `staff`: personale (direct staff costs, the base of the usual flat rates);
 * - `travel`: viaggi e trasferte;
 * - `external-services`: servizi esterni e consulenze;
 * - `participant-allowances`: indennità di partecipazione paid to participants;
 * - `equipment`: attrezzature;
 * - `indirect`: costi indiretti (typically a flat rate on staff costs);
 * - `other`: altri costi (e.g. the flat rate for all remaining costs).
 *
 * @since 0.1.0
 * @category models
 */
export const CostCategory = Schema.Literals([
  "staff",
  "travel",
  "external-services",
  "participant-allowances",
  "equipment",
  "indirect",
  "other"
])
/** @since 0.1.0 @category models */
export type CostCategory = typeof CostCategory.Type

/**
 * Every category, in the order of {@link CostCategory}.
 *
 * @since 0.1.0
 * @category models
 */
export const all: ReadonlyArray<CostCategory> = CostCategory.literals

/**
 * Italian and English labels, for reports and messages.
 *
 * @since 0.1.0
 * @category formatting
 */
export const labels: { readonly [C in CostCategory]: { readonly it: string; readonly en: string } } = {
  staff: { it: "personale", en: "staff" },
  travel: { it: "viaggi e trasferte", en: "travel" },
  "external-services": { it: "servizi esterni", en: "external services" },
  "participant-allowances": { it: "indennità di partecipazione", en: "participants' allowances" },
  equipment: { it: "attrezzature", en: "equipment" },
  indirect: { it: "costi indiretti", en: "indirect costs" },
  other: { it: "altri costi", en: "other costs" }
}
