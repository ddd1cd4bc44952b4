import { describe, expect, it } from "@effect/vitest"
import { Result, Schema } from "effect"
import { Belfiore, Calendar, CodiceFiscale, Cup, Ids, IstatComune, PartitaIva } from "../src/index.js"

/** Every message of a failed decode, one per problem; `[]` when the input is valid. */
const problems = (schema: Schema.Decoder<unknown>, input: unknown): ReadonlyArray<string> => {
  const result = Schema.decodeUnknownResult(schema)(input, { errors: "all" })
  return Result.isSuccess(result) ? [] : result.failure.message.split("\n")
}

const date = Calendar.unsafeMake
const person = (code: string) => CodiceFiscale.PersonCode.make(code)

/*
 * A woman's code worked out by hand: Giulia Bianchi, born 15 March 1990 in Milano (F205).
 *   surname BIANCHI: consonants B N C H → BNC
 *   name GIULIA: consonants G L (fewer than 4) → G L, then vowels I U I A → GLI
 *   year 90; month March → C; day 15 + 40 (woman) = 55; place F205
 *   first 15 characters: B N C G L I 9 0 C 5 5 F 2 0 5
 *   odd positions (ODD table):  1 B=0, 3 C=5, 5 L=4, 7 9=21, 9 C=5, 11 5=13, 13 2=5, 15 5=13 → 66
 *   even positions (own value): 2 N=13, 4 G=6, 6 I=8, 8 0=0, 10 5=5, 12 F=5, 14 0=0        → 37
 *   sum 103; 103 mod 26 = 25 → Z.  Code: BNCGLI90C55F205Z
 *
 * An omocode variant of RSSMRA85T10A562S: the last digit of the place, 2 at position 15 (odd),
 * becomes N. Its ODD value goes from 5 (digit 2) to 20 (N), so the sum mod 26 goes from
 * 18 (S) to 18 + 15 = 33 → 7 → H.  Code: RSSMRA85T10A56NH
 *
 * Other check characters below were computed with a separate reference script of facts.md §4.1.
 */
describe("CodiceFiscale.PersonCode", () => {
  it.each([
    // code, birth date (as of 2026-01-01), sex, Belfiore, omocode
    ["RSSMRA85T10A562S", "1985-12-10", "M", "A562", false],
    ["RSSMRA85M01H501Q", "1985-08-01", "M", "H501", false],
    ["BNCGLI90C55F205Z", "1990-03-15", "F", "F205", false],
    ["RSSMRA85T10A56NH", "1985-12-10", "M", "A562", true],
    ["RSSMRAURTMLARSNL", "1985-12-10", "M", "A562", true], // every digit replaced
    ["RSSMRA84B29A562Y", "1984-02-29", "M", "A562", false], // 29 February of a leap year
    ["RSSMRA20A01F205J", "2020-01-01", "M", "F205", false],
    ["DMCLCU01A41Z404G", "2001-01-01", "F", "Z404", false] // born abroad
  ] as const)("%s is valid and decodes to %s %s %s", (code, birthDate, sex, belfiore, omocode) => {
    expect(problems(CodiceFiscale.PersonCode, code)).toEqual([])
    expect(CodiceFiscale.decode(person(code), date("2026-01-01"))).toEqual({ birthDate, sex, belfiore, omocode })
  })

  it.each([
    ["RSSMRA85T10A562T", ['invalid check character "T": expected "S"']],
    ["RSSMRA85T10A5621", ['invalid check character "1": expected "S"']],
    ["RSSMRA85T10A562", ["expected 16 characters, got 15"]],
    [" RSSMRA85T10A562S", ["expected 16 characters, got 17"]],
    ["", ["expected 16 characters, got 0"]],
    ["RSSMRA85Z10A562S", ['invalid month letter "Z": expected one of ABCDEHLMPRST']],
    ["RSSMRA85T32A562S", ['invalid day "32": expected 01-31 (men) or 41-71 (women)']],
    ["RSSMRA85T00A562S", ['invalid day "00": expected 01-31 (men) or 41-71 (women)']],
    ["RSSMRA85T40A562S", ['invalid day "40": expected 01-31 (men) or 41-71 (women)']],
    ["RSSMRA85T72A562S", ['invalid day "72": expected 01-31 (men) or 41-71 (women)']],
    ["RSSMRA85TPNA562S", ['invalid day "PN" (32): expected 01-31 (men) or 41-71 (women)']],
    ["RSSMRA85D31A562S", ['invalid day "31": April (month letter "D") has 30 days']],
    ["RSSMRA85D71A562S", ['invalid day "71": April (month letter "D") has 30 days']],
    ["RSSMRA85B29A562S", ['invalid day "29": February (month letter "B") of a year ending in 85 has 28 days']],
    ["RSSMRA85B30A562S", ['invalid day "30": February (month letter "B") of a year ending in 85 has 28 days']],
    ["RS5MRA85T10A562S", ['invalid surname and name letters "RS5MRA" (positions 1-6): expected 6 letters A-Z']],
    ["RSSMRA8XT10A562S", ['invalid year "8X" (positions 7-8): expected 2 digits or omocodia letters LMNPQRSTUV']],
    ["RSSMRA85T1XA562S", ['invalid day "1X" (positions 10-11): expected 2 digits or omocodia letters LMNPQRSTUV']],
    [
      "RSSMRA85T10A5X2S",
      ['invalid Belfiore code "A5X2" (positions 12-15): expected a letter and 3 digits or omocodia letters LMNPQRSTUV']
    ],
    [
      // every problem is reported, not only the first
      "RS5MRA85Z32A562I",
      [
        'invalid surname and name letters "RS5MRA" (positions 1-6): expected 6 letters A-Z',
        'invalid month letter "Z": expected one of ABCDEHLMPRST',
        'invalid day "32": expected 01-31 (men) or 41-71 (women)'
      ]
    ],
    [
      "rssmra85t10a562s",
      [
        'invalid surname and name letters "rssmra" (positions 1-6): expected 6 letters A-Z',
        'invalid month letter "t": expected one of ABCDEHLMPRST',
        'invalid Belfiore code "a562" (positions 12-15): expected a letter and 3 digits or omocodia letters LMNPQRSTUV'
      ]
    ],
    [42, ["Expected string"]],
    [null, ["Expected string"]]
  ] as const)("%j is rejected", (input, expected) => {
    expect(problems(CodiceFiscale.PersonCode, input)).toEqual(expected)
  })

  it("normalize trims and upper-cases typed input before decoding", () => {
    expect(CodiceFiscale.normalize("  rssmra85t10a562s\t")).toBe("RSSMRA85T10A562S")
    expect(problems(CodiceFiscale.PersonCode, CodiceFiscale.normalize(" rssmra85t10a562s "))).toEqual([])
  })

  it("checkCharacter", () => {
    expect(CodiceFiscale.checkCharacter("RSSMRA85T10A562")).toBe("S")
    expect(CodiceFiscale.checkCharacter("RSSMRA85M01H501")).toBe("Q")
    expect(CodiceFiscale.checkCharacter("BNCGLI90C55F205")).toBe("Z")
    expect(CodiceFiscale.checkCharacter("RSSMRA85T10A56N")).toBe("H")
    expect(CodiceFiscale.checkCharacter("RSSMRA85T10A56")).toBeUndefined()
    expect(CodiceFiscale.checkCharacter("rssmra85t10a562")).toBeUndefined()
  })

  it("canonical undoes omocodia; omocodeVariants lists the 128 codes of the same person", () => {
    expect(CodiceFiscale.canonical(person("RSSMRA85T10A56NH"))).toBe("RSSMRA85T10A562S")
    expect(CodiceFiscale.canonical(person("RSSMRAURTMLARSNL"))).toBe("RSSMRA85T10A562S")
    expect(CodiceFiscale.canonical(person("RSSMRA85T10A562S"))).toBe("RSSMRA85T10A562S")
    const variants = CodiceFiscale.omocodeVariants(person("RSSMRA85T10A56NH"))
    expect(variants.length).toBe(128)
    expect(new Set(variants).size).toBe(128)
    expect(variants[0]).toBe("RSSMRA85T10A562S")
    expect(variants[1]).toBe("RSSMRA85T10A56NH")
    expect(variants[127]).toBe("RSSMRAURTMLARSNL")
  })
})

describe("CodiceFiscale.decode: the century", () => {
  it.each([
    // The birth date is the latest one not after asOf.
    ["RSSMRA85T10A562S", "1985-12-10", "1985-12-10"], // born on asOf
    ["RSSMRA85T10A562S", "1985-12-09", "1885-12-10"], // one day earlier: a century before
    ["RSSMRA20A01F205J", "2026-01-01", "2020-01-01"],
    ["RSSMRA20A01F205J", "2019-12-31", "1920-01-01"],
    ["RSSMRA20A01F205J", "1850-06-01", "1820-01-01"],
    ["RSSMRA20A01F205J", "1810-01-01", "1820-01-01"], // 1720 is before the calendar's 1800: a century on
    ["BNCGLI00B69F205J", "2026-01-01", "2000-02-29"],
    ["BNCGLI00B69F205J", "1999-01-01", "2000-02-29"] // 1900 has no 29 February
  ] as const)("%s as of %s was born on %s", (code, asOf, birthDate) => {
    expect(CodiceFiscale.decode(person(code), date(asOf)).birthDate).toBe(birthDate)
  })
})

describe("CodiceFiscale.encode", () => {
  it.each([
    [{ surname: "Rossi", name: "Mario", birthDate: "1985-12-10", sex: "M", belfiore: "A562" }, "RSSMRA85T10A562S"],
    [{ surname: "Rossi", name: "Mario", birthDate: "1985-08-01", sex: "M", belfiore: "H501" }, "RSSMRA85M01H501Q"],
    [{ surname: "Bianchi", name: "Giulia", birthDate: "1990-03-15", sex: "F", belfiore: "F205" }, "BNCGLI90C55F205Z"],
    [{ surname: "D'Amico", name: "Lúcà", birthDate: "2001-01-01", sex: "F", belfiore: "Z404" }, "DMCLCU01A41Z404G"]
  ] as const)("%j → %s", (data, code) => {
    expect(
      CodiceFiscale.encode({
        ...data,
        birthDate: date(data.birthDate),
        belfiore: Belfiore.Belfiore.make(data.belfiore)
      })
    ).toBe(code)
  })

  it.each([
    ["Rossi", "RSS"],
    ["Esposito", "SPS"],
    ["D'Amico", "DMC"],
    ["De Luca", "DLC"],
    ["Lucà", "LCU"],
    ["Fo", "FOX"],
    ["O", "OXX"],
    ["", "XXX"]
  ])("surname %j → %s", (surname, letters) => {
    expect(CodiceFiscale.surnameLetters(surname)).toBe(letters)
  })

  it.each([
    ["Mario", "MRA"], // 2 consonants: surname rule
    ["Giulia", "GLI"],
    ["Gianfranco", "GFR"], // G N F R N C: 1st, 3rd, 4th
    ["Niccolò", "NCL"], // N C C L: 1st, 3rd, 4th
    ["Nicolò", "NCL"], // N C L: surname rule
    ["Ugo", "GUO"],
    ["Al", "LAX"]
  ])("name %j → %s", (name, letters) => {
    expect(CodiceFiscale.nameLetters(name)).toBe(letters)
  })
})

describe("CodiceFiscale.OrganisationCode and PartitaIva", () => {
  // 8005005015|4 by hand: odd positions 8+0+0+5+1 = 14; even positions 0,5,0,0,5 doubled
  // 0,10→1,0,0,10→1 = 2; S = 16; (10 − 6) mod 10 = 4.
  // 0030197019|0 by hand: odd 0+3+1+7+1 = 12; even 0,0,9,0,9 doubled 0,0,18→9,0,18→9 = 18;
  // S = 30; (10 − 0) mod 10 = 0.
  const schemas = [
    ["OrganisationCode", CodiceFiscale.OrganisationCode],
    ["PartitaIva", PartitaIva.PartitaIva]
  ] as const

  describe.each(schemas)("%s", (_, schema) => {
    it.each(["80050050154", "00301970190"])("%s is valid", (code) => {
      expect(problems(schema, code)).toEqual([])
    })
    it.each([
      ["00000000000", ["the all-zero code 00000000000 is not valid"]],
      ["80050050155", ['invalid check digit "5": expected "4"']],
      ["00301970191", ['invalid check digit "1": expected "0"']],
      ["8005005015", ["expected 11 characters, got 10"]],
      ["800500501540", ["expected 11 characters, got 12"]],
      ["8005005015A", ['invalid character "A" at position 11: expected a digit']],
      ["80O50050154", ['invalid character "O" at position 3: expected a digit']],
      [80050050154, ["Expected string"]]
    ] as const)("%j is rejected", (input, expected) => {
      expect(problems(schema, input)).toEqual(expected)
    })
  })

  it("checkDigit", () => {
    expect(PartitaIva.checkDigit("8005005015")).toBe(4)
    expect(PartitaIva.checkDigit("0030197019")).toBe(0)
    expect(PartitaIva.checkDigit("800500501")).toBeUndefined()
    expect(PartitaIva.checkDigit("800500501X")).toBeUndefined()
    expect(CodiceFiscale.organisationCheckDigit("8005005015")).toBe(4)
  })
})

describe("CodiceFiscale.CodiceFiscale", () => {
  it.each(["RSSMRA85T10A562S", "RSSMRA85T10A56NH", "80050050154", "00301970190"])("%s is valid", (code) => {
    expect(problems(CodiceFiscale.CodiceFiscale, code)).toEqual([])
  })
  it.each([
    ["RSSMRA85T10A562T", ['invalid check character "T": expected "S"', "expected 11 characters, got 16"]],
    ["80050050155", ["expected 16 characters, got 11", 'invalid check digit "5": expected "4"']],
    ["123", ["expected 16 characters, got 3", "expected 11 characters, got 3"]]
  ] as const)("%s is rejected as neither kind", (input, expected) => {
    expect(problems(CodiceFiscale.CodiceFiscale, input)).toEqual(expected)
  })
  it("isPersonCode tells the two kinds apart", () => {
    const decode = Schema.decodeUnknownSync(CodiceFiscale.CodiceFiscale)
    expect(CodiceFiscale.isPersonCode(decode("RSSMRA85T10A562S"))).toBe(true)
    expect(CodiceFiscale.isPersonCode(decode("80050050154"))).toBe(false)
  })
})

describe("Cup", () => {
  it.each(["J51H17000030007", "G35B19001770003", "B51B07000240001", "F79J22001380004", "C29E19000380007"])(
    "%s is valid",
    (cup) => {
      expect(problems(Cup.Cup, cup)).toEqual([])
    }
  )
  it.each([
    ["J51H1700003000", ["expected 15 characters, got 14"]],
    ["J51H170000300070", ["expected 15 characters, got 16"]],
    ["151H17000030007", ['invalid character "1" at position 1: expected a letter A-Z']],
    ["j51h17000030007", ['invalid character "j" at position 1: expected a letter A-Z']],
    ["J5XH17000030007", ['invalid character "X" at position 3: expected a digit']],
    ["J51117000030007", ['invalid character "1" at position 4: expected a letter A-Z']],
    ["J51H1700003000A", ['invalid character "A" at position 15: expected a digit']]
  ] as const)("%s is rejected", (input, expected) => {
    expect(problems(Cup.Cup, input)).toEqual(expected)
  })
})

describe("Belfiore", () => {
  it.each([
    ["F205", false],
    ["H315", false],
    ["Z404", true]
  ] as const)("%s is valid; foreign state: %s", (code, foreign) => {
    expect(problems(Belfiore.Belfiore, code)).toEqual([])
    expect(Belfiore.isForeignState(Belfiore.Belfiore.make(code))).toBe(foreign)
  })
  it.each([
    ["F20", ["expected 4 characters, got 3"]],
    ["1205", ['invalid character "1" at position 1: expected a letter A-Z']],
    ["F2O5", ['invalid character "O" at position 3: expected a digit']],
    ["f205", ['invalid character "f" at position 1: expected a letter A-Z']]
  ] as const)("%s is rejected", (input, expected) => {
    expect(problems(Belfiore.Belfiore, input)).toEqual(expected)
  })
})

describe("IstatComune", () => {
  it.each([
    // ISTAT, name, Belfiore, province code, sigla (facts.md §4.4)
    ["015146", "Milano", "F205", "015", "MI"],
    ["017029", "Brescia", "B157", "017", "BS"],
    ["019036", "Cremona", "D150", "019", "CR"],
    ["019035", "Crema", "D142", "019", "CR"],
    ["019081", "Ripalta Cremasca", "H315", "019", "CR"]
  ] as const)("%s %s", (istat, name, belfiore, provinceCode, sigla) => {
    expect(problems(IstatComune.IstatComune, istat)).toEqual([])
    expect(IstatComune.province(IstatComune.IstatComune.make(istat))).toBe(provinceCode)
    expect(IstatComune.provinceSigla[provinceCode]).toBe(sigla)
    expect(IstatComune.knownComuni[istat]).toEqual({ name, istat, belfiore, province: sigla })
  })
  it("knows only the comuni of the seed projects", () => {
    expect(Object.keys(IstatComune.knownComuni).sort()).toEqual(["015146", "017029", "019035", "019036", "019081"])
  })
  it.each([
    ["15146", ["expected 6 characters, got 5"]],
    ["01514A", ['invalid character "A" at position 6: expected a digit']],
    [15146, ["Expected string"]]
  ] as const)("%j is rejected", (input, expected) => {
    expect(problems(IstatComune.IstatComune, input)).toEqual(expected)
  })
})

describe("Ids", () => {
  const schemas = {
    OrganisationId: Ids.OrganisationId,
    ProgrammeId: Ids.ProgrammeId,
    CallId: Ids.CallId,
    ProjectId: Ids.ProjectId,
    SubProjectId: Ids.SubProjectId,
    SiteId: Ids.SiteId,
    BudgetLineId: Ids.BudgetLineId,
    ExpenditureId: Ids.ExpenditureId,
    HouseholdId: Ids.HouseholdId,
    PersonId: Ids.PersonId,
    LaboratorioId: Ids.LaboratorioId,
    PathwayId: Ids.PathwayId
  }
  it.each(Object.entries(schemas))("%s accepts ids and rejects the rest", (_, schema) => {
    for (const ok of ["p", "prj-2017.milano_01", "urn:quartieri:1", "A".repeat(64)])
      expect(problems(schema, ok)).toEqual([])
    expect(problems(schema, "")).toEqual(["an id must not be empty"])
    expect(problems(schema, "A".repeat(65))).toEqual(["expected at most 64 characters, got 65"])
    expect(problems(schema, " p1")).toEqual(["an id must not have leading or trailing whitespace"])
    expect(problems(schema, "p1\n")).toEqual(["an id must not have leading or trailing whitespace"])
    expect(problems(schema, "p 1")).toEqual(['invalid character " " at position 2: expected A-Z a-z 0-9 . _ : -'])
    expect(problems(schema, "città")).toEqual(['invalid character "à" at position 5: expected A-Z a-z 0-9 . _ : -'])
    expect(problems(schema, 1)).toEqual(["Expected string"])
  })
  it("brands keep ids of different entities apart", () => {
    const household = Ids.HouseholdId.make("h-1")
    // @ts-expect-error a HouseholdId is not a PersonId
    const person: Ids.PersonId = household
    expect(person).toBe("h-1")
  })
})
