/**
 * `@quartieri/core`: the domain model, pure rules and ports of quartieri. Every module is
 * re-exported as a namespace (`Money.allocate`, `CodiceFiscale.PersonCode`, …).
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as Access from "./Access.js"
/** @since 0.1.0 */
export * as Activity from "./Activity.js"
/** @since 0.1.0 */
export * as App from "./App.js"
/** @since 0.1.0 */
export * as Attendance from "./Attendance.js"
/** @since 0.1.0 */
export * as AttendanceRegister from "./AttendanceRegister.js"
/** @since 0.1.0 */
export * as Audit from "./Audit.js"
/**
 * The Promise facade over the application's use-cases (see `App.Facade`).
 *
 * @since 0.1.0
 */
export { createQuartieri } from "./app/Facade.js"
/** @since 0.1.0 */
export * as BasisPoints from "./BasisPoints.js"
/** @since 0.1.0 */
export * as Belfiore from "./Belfiore.js"
/** @since 0.1.0 */
export * as Budget from "./Budget.js"
/** @since 0.1.0 */
export * as BudgetRules from "./BudgetRules.js"
/** @since 0.1.0 */
export * as Calendar from "./Calendar.js"
/** @since 0.1.0 */
export * as Call from "./Call.js"
/** @since 0.1.0 */
export * as CodiceFiscale from "./CodiceFiscale.js"
/** @since 0.1.0 */
export * as Collection from "./Collection.js"
/** @since 0.1.0 */
export * as CostCategory from "./CostCategory.js"
/** @since 0.1.0 */
export * as CostOption from "./CostOption.js"
/** @since 0.1.0 */
export * as Cup from "./Cup.js"
/** @since 0.1.0 */
export * as Eligibility from "./Eligibility.js"
/** @since 0.1.0 */
export * as EntrySnapshot from "./EntrySnapshot.js"
/** @since 0.1.0 */
export * as ExportError from "./ExportError.js"
/** @since 0.1.0 */
export * as Exporter from "./Exporter.js"
/** @since 0.1.0 */
export * as FormulaInjection from "./FormulaInjection.js"
/** @since 0.1.0 */
export * as FundingSource from "./FundingSource.js"
/** @since 0.1.0 */
export * as Household from "./Household.js"
/** @since 0.1.0 */
export * as Ids from "./Ids.js"
/** @since 0.1.0 */
export * as InvalidInput from "./InvalidInput.js"
/** @since 0.1.0 */
export * as Involvement from "./Involvement.js"
/** @since 0.1.0 */
export * as Isced from "./Isced.js"
/** @since 0.1.0 */
export * as IstatComune from "./IstatComune.js"
/** @since 0.1.0 */
export * as Laboratorio from "./Laboratorio.js"
/** @since 0.1.0 */
export * as LabourMarketStatus from "./LabourMarketStatus.js"
/** @since 0.1.0 */
export * as LeavingStatus from "./LeavingStatus.js"
/** @since 0.1.0 */
export * as LegalReference from "./LegalReference.js"
/** @since 0.1.0 */
export * as Money from "./Money.js"
/** @since 0.1.0 */
export * as Organisation from "./Organisation.js"
/** @since 0.1.0 */
export * as Parameter from "./Parameter.js"
/** @since 0.1.0 */
export * as PartitaIva from "./PartitaIva.js"
/** @since 0.1.0 */
export * as Partnership from "./Partnership.js"
/** @since 0.1.0 */
export * as Pathway from "./Pathway.js"
/** @since 0.1.0 */
export * as PathwayHours from "./PathwayHours.js"
/** @since 0.1.0 */
export * as PathwayService from "./PathwayService.js"
/** @since 0.1.0 */
export * as Person from "./Person.js"
/** @since 0.1.0 */
export * as Privacy from "./Privacy.js"
/** @since 0.1.0 */
export * as Programme from "./Programme.js"
/** @since 0.1.0 */
export * as Project from "./Project.js"
/** @since 0.1.0 */
export * as ProjectLifecycle from "./ProjectLifecycle.js"
/** @since 0.1.0 */
export * as RecordFormat from "./RecordFormat.js"
/** @since 0.1.0 */
export * as Reporting from "./Reporting.js"
/** @since 0.1.0 */
export * as Sensitivity from "./Sensitivity.js"
/** @since 0.1.0 */
export * as Session from "./Session.js"
/** @since 0.1.0 */
export * as Site from "./Site.js"
/** @since 0.1.0 */
export * as Sources from "./Sources.js"
/** @since 0.1.0 */
export * as SpecialCategory from "./SpecialCategory.js"
/** @since 0.1.0 */
export * as StaffCost from "./StaffCost.js"
/** @since 0.1.0 */
export * as Store from "./Store.js"
/** @since 0.1.0 */
export * as StoreBackend from "./StoreBackend.js"
/** @since 0.1.0 */
export * as StoreError from "./StoreError.js"
/** @since 0.1.0 */
export * as Violation from "./Violation.js"
