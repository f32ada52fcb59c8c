/**
 * The fictional Merrowshire County Council: invented place names, councillors, officers and
 * committees. Everything is drawn from a seeded generator; no real council, person or address.
 * Telephone numbers use Ofcom's drama range (01632 960xxx); email domains end in .example.
 */
import { Rng } from "./prng";
import type { Committee, Council, Councillor, Person } from "./types";

const SURNAMES = [
  "Ashworth",
  "Bellamy",
  "Carrow",
  "Dunmore",
  "Elphick",
  "Fairbairn",
  "Gostelow",
  "Hanbury",
  "Ibbotson",
  "Jessop",
  "Kettleby",
  "Lockwood",
  "Mardell",
  "Northcott",
  "Oakshott",
  "Pendry",
  "Quarrie",
  "Redfern",
  "Stainsby",
  "Threlfall",
  "Upcott",
  "Varley",
  "Wetherall",
  "Yardley",
  "Abell",
  "Brackenbury",
  "Cotterill",
  "Dimmock",
  "Eversley",
  "Fennimore",
  "Glazebrook",
  "Hebden",
  "Illingworth",
  "Jolley",
  "Kirkbride",
  "Loxley",
  "Midgley",
  "Nettleship",
  "Ormerod",
  "Pilbeam",
  "Rudd",
  "Sowerby",
  "Tillotson",
  "Umpleby",
  "Venning",
  "Whitlock",
  "Yeoman",
  "Aldous",
  "Bulmer",
  "Catchpole",
  "Duckett",
  "Fretwell",
  "Gadsby",
  "Hibbert",
  "Ingram-Lowe",
  "Jaggard",
  "Kemble",
  "Larwood",
  "Mottram",
  "Nuttall",
  "Pargeter",
  "Rowbotham",
  "Scattergood",
  "Tunnicliffe",
  "Wragg",
  "Blackett",
  "Chadderton",
  "Dransfield",
  "Everitt",
  "Frogley",
  "Greatorex",
  "Holbrook",
  "Ludlam",
  "Marriott-Shaw",
  "Orgill",
  "Pegg",
  "Raybould",
  "Spurr",
  "Toplis",
];
const MEN = [
  "Alan",
  "Brian",
  "Colin",
  "David",
  "Edward",
  "Frank",
  "Gareth",
  "Harry",
  "Ian",
  "James",
  "Keith",
  "Lewis",
  "Martin",
  "Neil",
  "Owen",
  "Peter",
  "Robert",
  "Simon",
  "Thomas",
  "Vikram",
  "William",
  "Yusuf",
];
const WOMEN = [
  "Alison",
  "Beverley",
  "Claire",
  "Deborah",
  "Eleanor",
  "Fiona",
  "Gillian",
  "Helen",
  "Imogen",
  "Janet",
  "Karen",
  "Linda",
  "Margaret",
  "Nadia",
  "Olivia",
  "Priya",
  "Rachel",
  "Sarah",
  "Tessa",
  "Valerie",
  "Wendy",
  "Zoe",
];
const INITIALS = "ABCDEGHJKLMNPRSTW";
const TOWNS = [
  "Hollowfield",
  "Castle Brambury",
  "Wrenbridge",
  "Okeby",
  "Fennick",
  "Saltmarsh St Giles",
  "Little Ashwell",
  "Kirkby Marrow",
  "Thornhaugh Green",
  "Upper Caldwick",
  "Sedgecombe",
  "Market Lindley",
];

function phone(rng: Rng, used: Set<string>): string {
  for (;;) {
    const p = `01632 960 ${String(rng.int(0, 999)).padStart(3, "0")}`;
    if (!used.has(p)) {
      used.add(p);
      return p;
    }
  }
}

function councillor(rng: Rng, surname: string): Councillor {
  const woman = rng.chance(0.45);
  const title = woman ? rng.pick(["Mrs.", "Ms.", "Mrs.", "Miss", "Dr."]) : rng.pick(["Mr.", "Mr.", "Mr.", "Dr."]);
  const forenames = rng.chance(0.12)
    ? rng.pick(woman ? WOMEN : MEN)
    : Array.from({ length: rng.int(1, 2) }, () => `${rng.pick([...INITIALS])}.`).join(" ");
  const suffix = rng.chance(0.06) ? "MBE, CC" : rng.chance(0.05) ? "JP CC" : "CC";
  return {
    name: `${title} ${forenames} ${surname} ${suffix}`,
    short: `${title} ${surname} CC`,
    he: woman ? "She" : "He",
  };
}

export const COMMITTEES: Committee[] = [
  {
    key: "cabinet",
    body: "Cabinet",
    kind: "cabinet",
    months: [6, 7, 9, 10, 11, 12, 2, 3],
    weekday: 5,
    week: 2,
    time: "10:00",
    room: "Wrenbridge Committee Room",
    size: 8,
  },
  {
    key: "adults-health-osc",
    body: "Adults and Health Overview and Scrutiny Committee",
    kind: "scrutiny",
    months: [6, 9, 11, 1, 3],
    weekday: 1,
    week: 1,
    time: "14:00",
    room: "Fennick Room",
    size: 9,
  },
  {
    key: "environment-transport-osc",
    body: "Environment and Transport Overview and Scrutiny Committee",
    kind: "scrutiny",
    months: [6, 9, 11, 1, 3],
    weekday: 4,
    week: 1,
    time: "14:00",
    room: "Fennick Room",
    size: 9,
  },
  {
    key: "scrutiny-commission",
    body: "Scrutiny Commission",
    kind: "scrutiny",
    months: [6, 9, 11, 1, 4],
    weekday: 3,
    week: 1,
    time: "10:00",
    room: "Wrenbridge Committee Room",
    size: 9,
  },
  {
    key: "county-council",
    body: "County Council",
    kind: "council",
    months: [5, 7, 12, 2],
    weekday: 3,
    week: 4,
    time: "14:00",
    room: "Council Chamber",
    size: 0,
  },
  {
    key: "planning",
    body: "Planning and Regulatory Committee",
    kind: "planning",
    months: [5, 6, 7, 9, 10, 11, 12, 1, 2, 3, 4],
    weekday: 4,
    week: 3,
    time: "10:30",
    room: "Council Chamber",
    size: 11,
  },
];

export function makeCouncil(seed: string): Council {
  const rng = new Rng(`council|${seed}`);
  const surnames = rng.sample(SURNAMES, 54);
  return {
    name: "Merrowshire County Council",
    domain: "merrowshire.example",
    hall: "County Hall",
    town: "Hollowfield",
    towns: TOWNS,
    councillors: surnames.map((s) => councillor(rng, s)),
    committees: COMMITTEES,
  };
}

/** Officers by role, changing hands every few years ("era"); same role and era, same person. */
export class Officers {
  private cache = new Map<string, Person>();
  private phones = new Set<string>();
  private names = new Set<string>();

  constructor(
    private seed: string,
    private domain: string,
  ) {}

  get(role: string, year: number): Person {
    const era = Math.floor((year + (role.length % 5)) / 6);
    const key = `${role}|${era}`;
    let p = this.cache.get(key);
    if (!p) {
      const rng = new Rng(`officer|${this.seed}|${key}`);
      let name = "";
      do name = `${rng.pick(rng.chance(0.5) ? WOMEN : MEN)} ${rng.pick(SURNAMES)}`;
      while (this.names.has(name));
      this.names.add(name);
      const email = `${name
        .toLowerCase()
        .replace(/[^a-z ]/g, "")
        .replace(/ /g, ".")}@${this.domain}`;
      p = { name, role, phone: phone(rng, this.phones), email };
      this.cache.set(key, p);
    }
    return p;
  }

  /** Democratic services contact for a committee: "Mrs. H. Quarrie". */
  contact(committee: string, year: number): Person {
    const p = this.get(`Democratic Services Officer (${committee})`, year);
    const [first, last] = p.name.split(" ");
    const title = WOMEN.includes(first) ? "Mrs." : "Mr.";
    return { ...p, name: `${title} ${first[0]}. ${last}` };
  }
}
