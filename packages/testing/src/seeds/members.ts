/**
 * The organisations of the seed projects as partnership members, encoded as a portal would
 * send them. Only what the seeds and facts.md give: where no codice fiscale or seat is known,
 * there is none. Where an attribute is our reading, the comment says so.
 *
 * @since 0.1.0
 */
import type { Partnership } from "@quartieri/core"

/** A partnership member as JSON. @since 0.1.0 @category models */
export type MemberEncoded = Partnership.PartnershipEncoded["members"][number]

// ---------------------------------------------------------------------------------------------
// IntERPreti di cambiamento (seed 000; facts.md §1.2)
// ---------------------------------------------------------------------------------------------

/**
 * Comune di Ripalta Cremasca, capofila. Codice fiscale 00301970190 as found in a public test
 * fixture (facts.md §4.2: plausible, not official).
 *
 * @since 0.1.0
 * @category models
 */
export const ripalta: MemberEncoded = {
  role: "capofila",
  organisation: {
    id: "comune-ripalta-cremasca",
    name: "Comune di Ripalta Cremasca",
    kind: "Comune",
    fiscalCode: "00301970190",
    seat: "019081"
  }
}
/** Comune di Crema, partner and cofinancer (€ 20.000). @since 0.1.0 @category models */
export const crema: MemberEncoded = {
  role: "partner",
  organisation: { id: "comune-crema", name: "Comune di Crema", kind: "Comune", seat: "019035" }
}
/** ALER Brescia-Cremona-Mantova. @since 0.1.0 @category models */
export const alerBcm: MemberEncoded = {
  role: "partner",
  organisation: { id: "aler-bcm", name: "ALER Brescia-Cremona-Mantova", kind: "ALER" }
}
/** Acli (Crema), housing mediation. @since 0.1.0 @category models */
export const acli: MemberEncoded = {
  role: "partner",
  organisation: { id: "acli-crema", name: "Acli", kind: "Associazione", competences: ["mediazione-abitativa"] }
}
/**
 * Cooperativa Koala, labour services. That it holds the regional accreditation for labour
 * services is our reading of the seed ("servizi al lavoro").
 *
 * @since 0.1.0
 * @category models
 */
export const koala: MemberEncoded = {
  role: "partner",
  organisation: {
    id: "coop-koala",
    name: "Cooperativa Koala",
    kind: "CooperativaSociale",
    accreditations: ["servizi-al-lavoro"],
    competences: ["servizi-al-lavoro"]
  }
}
/** Consorzio Mestieri, labour services (accreditation: our reading, as for Koala). @since 0.1.0 @category models */
export const mestieri: MemberEncoded = {
  role: "partner",
  organisation: {
    id: "consorzio-mestieri",
    name: "Consorzio Mestieri",
    kind: "Consorzio",
    accreditations: ["servizi-al-lavoro"],
    competences: ["servizi-al-lavoro"]
  }
}
/** Cooperativa ABCittà, participatory design. @since 0.1.0 @category models */
export const abcitta: MemberEncoded = {
  role: "partner",
  organisation: {
    id: "coop-abcitta",
    name: "Cooperativa ABCittà",
    kind: "CooperativaSociale",
    competences: ["progettazione-partecipata"]
  }
}

// ---------------------------------------------------------------------------------------------
// Abitare la Comunità (seed 001)
// ---------------------------------------------------------------------------------------------

/** Comune di Cremona, capofila. @since 0.1.0 @category models */
export const cremona: MemberEncoded = {
  role: "capofila",
  organisation: { id: "comune-cremona", name: "Comune di Cremona", kind: "Comune", seat: "019036" }
}
/** Aler Cremona, owner of the buildings (the seed's name; today part of ALER Brescia-Cremona-Mantova). @since 0.1.0 @category models */
export const alerCremona: MemberEncoded = {
  role: "partner",
  organisation: { id: "aler-cremona", name: "Aler Cremona", kind: "ALER" }
}
const coop = (id: string, name: string): MemberEncoded => ({
  role: "partner",
  organisation: { id, name, kind: "CooperativaSociale" }
})
/** Cooperativa Coosper. @since 0.1.0 @category models */
export const coosper = coop("coop-coosper", "Cooperativa Coosper")
/** Cooperativa di Bessimo: its tutor di condominio worked 16 h a week in Borgo Loreto. @since 0.1.0 @category models */
export const bessimo = coop("coop-bessimo", "Cooperativa di Bessimo")
/** Cooperativa Nazareth. @since 0.1.0 @category models */
export const nazareth = coop("coop-nazareth", "Cooperativa Nazareth")
/** Cooperativa Altana. @since 0.1.0 @category models */
export const altana = coop("coop-altana", "Cooperativa Altana")
/**
 * MESTIERI Consorzio di Cooperative Sociali S.c.s (labour services; accreditation: our
 * reading). Kept distinct from IntERPreti's "Consorzio Mestieri": the seeds do not say they are
 * the same body.
 *
 * @since 0.1.0
 * @category models
 */
export const mestieriCremona: MemberEncoded = {
  role: "partner",
  organisation: {
    id: "consorzio-mestieri-cremona",
    name: "MESTIERI Consorzio di Cooperative Sociali S.c.s",
    kind: "Consorzio",
    accreditations: ["servizi-al-lavoro"],
    competences: ["servizi-al-lavoro"]
  }
}
/** Consorzio SOLCO Cremona. @since 0.1.0 @category models */
export const solcoCremona: MemberEncoded = {
  role: "partner",
  organisation: { id: "consorzio-solco-cremona", name: "Consorzio SOLCO Cremona", kind: "Consorzio" }
}

// ---------------------------------------------------------------------------------------------
// Un ponte sul blu (seed 003)
// ---------------------------------------------------------------------------------------------

/** ALER (Brescia-Cremona-Mantova) as capofila of Un ponte sul blu. @since 0.1.0 @category models */
export const alerBcmCapofila: MemberEncoded = { ...alerBcm, role: "capofila" }
/** Comune di Brescia. @since 0.1.0 @category models */
export const brescia: MemberEncoded = {
  role: "partner",
  organisation: { id: "comune-brescia", name: "Comune di Brescia", kind: "Comune", seat: "017029" }
}
/** Cooperativa Elefanti Volanti. @since 0.1.0 @category models */
export const elefantiVolanti = coop("coop-elefanti-volanti", "Cooperativa Elefanti Volanti")
/** Cooperativa La Rete. @since 0.1.0 @category models */
export const laRete = coop("coop-la-rete", "Cooperativa La Rete")
/** Associazione "Amici degli Elefanti Volanti". @since 0.1.0 @category models */
export const amiciElefantiVolanti: MemberEncoded = {
  role: "partner",
  organisation: {
    id: "ass-amici-elefanti-volanti",
    name: "Associazione Amici degli Elefanti Volanti",
    kind: "Associazione"
  }
}
/** Associazione "La Rete una dimora per l'emarginazione". @since 0.1.0 @category models */
export const laReteDimora: MemberEncoded = {
  role: "partner",
  organisation: {
    id: "ass-la-rete-dimora",
    name: "Associazione La Rete una dimora per l'emarginazione",
    kind: "Associazione"
  }
}
/**
 * Consorzio Sol.co Brescia, "Agenzia per il lavoro" delivering the P.I.P. (accredited for labour
 * services: our reading of that name).
 *
 * @since 0.1.0
 * @category models
 */
export const solcoBrescia: MemberEncoded = {
  role: "partner",
  organisation: {
    id: "consorzio-solco-brescia",
    name: "Consorzio Sol.co Brescia",
    kind: "Consorzio",
    accreditations: ["servizi-al-lavoro"],
    competences: ["servizi-al-lavoro"]
  }
}

// ---------------------------------------------------------------------------------------------
// Milano C.A.S.A. (seeds 002 and 004; facts.md §1.3)
// ---------------------------------------------------------------------------------------------

/** ALER Milano, referente of the C.A.S.A. programmes (seat Milano, 015146). @since 0.1.0 @category models */
export const alerMilano: MemberEncoded = {
  role: "capofila",
  organisation: { id: "aler-milano", name: "ALER Milano", kind: "ALER", seat: "015146" }
}
/** ASST Fatebenefratelli Sacco: health services and anti-violence work in the C.A.S.A. @since 0.1.0 @category models */
export const asstFbfSacco: MemberEncoded = {
  role: "partner",
  organisation: {
    id: "asst-fbf-sacco",
    name: "ASST Fatebenefratelli Sacco",
    kind: "ASST",
    competences: ["servizi-sociosanitari", "contrasto-violenza-domestica"]
  }
}
