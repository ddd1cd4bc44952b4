/**
 * Who the portal acts as. **There is no login here**: the visitor picks an actor from a list,
 * and the choice travels in a cookie. A real portal takes the actor from its authentication
 * (SPID/CIE, the Comune's identity provider…) and its own records of who works where — see
 * the README. quartieri trusts the actor it is given, and checks what that actor may do.
 *
 * The five actors cover the roles of the access policy (docs/concepts/access.md): the
 * capofila's coordinator, two partner operators (one per laboratorio), the Region's officer
 * (aggregates only) and an auditor (reads everything, writes nothing).
 *
 * @since 0.1.0
 */
import type { App } from "@quartieri/core"
import { projectId } from "./Seed.js"

/**
 * An actor the portal offers: a key for the cookie, an Italian label for the switcher, and the
 * actor as quartieri receives it.
 *
 * @since 0.1.0
 * @category models
 */
export interface Choice {
  readonly key: string
  readonly label: string
  readonly actor: App.UseCase.ActorInput
}

/**
 * The actors to choose from, the first being the default.
 *
 * @since 0.1.0
 * @category parameters
 */
export const choices: ReadonlyArray<Choice> = [
  {
    key: "coordinatrice",
    label: "Coordinatrice del capofila — Comune di Ripalta Cremasca",
    actor: {
      _tag: "CapofilaCoordinator",
      id: "coordinatrice@comune-ripalta.example",
      organisation: "comune-ripalta-cremasca",
      projects: [projectId]
    }
  },
  {
    key: "operatore-acli",
    label: "Operatore Acli — laboratorio Santa Maria",
    actor: {
      _tag: "PartnerOperator",
      id: "operatore@acli-crema.example",
      organisation: "acli-crema",
      projects: [projectId],
      laboratori: ["lab-santa-maria"],
      pathways: []
    }
  },
  {
    key: "operatrice-koala",
    label: "Operatrice Cooperativa Koala — laboratorio Ombriano",
    actor: {
      _tag: "PartnerOperator",
      id: "operatrice@coop-koala.example",
      organisation: "coop-koala",
      projects: [projectId],
      laboratori: ["lab-ombriano"],
      pathways: []
    }
  },
  {
    key: "regione",
    label: "Funzionario di Regione Lombardia (solo dati aggregati)",
    actor: { _tag: "RegionOfficer", id: "funzionario@regione.example" }
  },
  {
    key: "revisore",
    label: "Revisore (sola lettura)",
    actor: { _tag: "Auditor", id: "revisore@autorita-audit.example" }
  }
]

/**
 * The name of the cookie that holds the chosen actor's key.
 *
 * @since 0.1.0
 * @category parameters
 */
export const cookieName = "attore"

/**
 * The actor with `key`, or the default one (the coordinator) for a missing or unknown key.
 *
 * @since 0.1.0
 * @category utils
 */
export const choose = (key: string | undefined): Choice => choices.find((c) => c.key === key) ?? (choices[0] as Choice)
