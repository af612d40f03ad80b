/**
 * The seeded knowledge-base generator: made-up one-word names (so nothing can be answered from prior
 * knowledge, as in Bamboogle), and the typed facts between them. One PRNG stream drives everything.
 */
import type { Rng } from '../../core/prng.ts';
import type { Entity, EntityType, Fact, KnowledgeBase } from './types.ts';

/** How many entities of each type, and how often the optional person relations are present. */
export interface KnowledgeSettings {
  persons: number;
  cities: number;
  countries: number;
  films: number;
  orgs: number;
  /** Share of persons (other than the oldest) who have a father in the base. */
  fatherRate: number;
  /** Share of persons who are married (to another person of the base). */
  spouseRate: number;
}

const CONSONANTS = 'bdfgklmnprstvz';
const VOWELS = 'aeiou';
/** Words of the templates an entity name may not be (the passages and questions would read wrongly). */
export const RESERVED_NAMES: ReadonlySet<string> = new Set(['the', 'of', 'is', 'what', 'whose', 'which', 'has', 'earlier', 'or', 'a', 'an', 'film', 'doc', 'title', 'search', 'answer', 'question', 'information']);

/** A made-up name of 2–3 syllables, e.g. `kavo`, `lumera`. */
function makeName(rng: Rng): string {
  let name = '';
  const syllables = rng.range(2, 3);
  for (let i = 0; i < syllables; i++) name += CONSONANTS[rng.int(CONSONANTS.length)] + VOWELS[rng.int(VOWELS.length)];
  if (rng.chance(0.3)) name += CONSONANTS[rng.int(CONSONANTS.length)];
  return name;
}

/** Generates a knowledge base: entities of every type and one object for each relation a subject has. */
export function generateKnowledgeBase(rng: Rng, settings: KnowledgeSettings): KnowledgeBase {
  const used = new Set<string>();
  const names = (count: number): string[] => {
    const out: string[] = [];
    while (out.length < count) {
      const name = makeName(rng);
      if (used.has(name) || RESERVED_NAMES.has(name)) continue;
      used.add(name);
      out.push(name);
    }
    return out;
  };
  const persons = names(settings.persons);
  const cities = names(settings.cities);
  const countries = names(settings.countries);
  const films = names(settings.films);
  const orgs = names(settings.orgs);
  const facts: Fact[] = [];
  const years = new Set<string>();
  const add = (subject: string, relation: Fact['relation'], object: string) => {
    facts.push({ subject, relation, object });
    if (/^[0-9]{4}$/.test(object)) years.add(object);
  };

  // Countries first: every country has at least one city, and its capital is one of them.
  const countryOf = cities.map((_, i) => (i < countries.length ? countries[i] : rng.pick(countries)));
  cities.forEach((city, i) => add(city, 'in_country', countryOf[i]));
  for (const country of countries) add(country, 'capital', rng.pick(cities.filter((_, i) => countryOf[i] === country)));

  // Persons get distinct birth years, so any two of them can be compared.
  const yearPool = rng.shuffle(Array.from({ length: 90 }, (_, k) => 1900 + k)).slice(0, persons.length);
  const birthYear = new Map(persons.map((person, i) => [person, yearPool[i]]));
  const byAge = [...persons].sort((a, b) => (birthYear.get(a) as number) - (birthYear.get(b) as number));
  for (const person of persons) {
    add(person, 'born_in', rng.pick(cities));
    add(person, 'born_year', String(birthYear.get(person)));
    add(person, 'employer', rng.pick(orgs));
  }
  for (const person of byAge) {
    const older = byAge.filter((other) => (birthYear.get(other) as number) + 18 <= (birthYear.get(person) as number));
    if (older.length > 0 && rng.chance(settings.fatherRate)) add(person, 'father', rng.pick(older));
  }
  const unmarried = rng.shuffle(persons);
  const pairs = Math.floor((persons.length * settings.spouseRate) / 2);
  for (let k = 0; k < pairs; k++) {
    const [a, b] = [unmarried[2 * k], unmarried[2 * k + 1]];
    add(a, 'spouse', b);
    add(b, 'spouse', a);
  }

  // Films get distinct release years too.
  const releasePool = rng.shuffle(Array.from({ length: 70 }, (_, k) => 1930 + k)).slice(0, films.length);
  films.forEach((film, i) => {
    add(film, 'director', rng.pick(persons));
    add(film, 'released', String(releasePool[i]));
  });
  for (const org of orgs) {
    add(org, 'founder', rng.pick(persons));
    add(org, 'hq', rng.pick(cities));
  }

  const typed = (type: EntityType) => (name: string): Entity => ({ name, type });
  const entities: Entity[] = [
    ...persons.map(typed('person')), ...cities.map(typed('city')), ...countries.map(typed('country')),
    ...films.map(typed('film')), ...orgs.map(typed('org')),
    ...[...years].sort().map(typed('year')),
  ];
  return { entities, facts };
}
