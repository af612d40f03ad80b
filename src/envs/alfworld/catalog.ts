/**
 * The static facts of ALFWorld-lite: which receptacle and object types exist, what each can do, what may
 * go where, and what each room type contains (reference/envs.md §1.2 and §1.6).
 *
 * The canContain table is a trimmed version of ALFRED's `VAL_RECEPTACLE_OBJECTS`, restricted to the object
 * types used here and with sliced types dropped.
 */

/** The four ALFRED room types. */
export type RoomType = 'kitchen' | 'livingroom' | 'bedroom' | 'bathroom';

/** All room types, in a fixed order. */
export const ROOM_TYPES: readonly RoomType[] = ['kitchen', 'livingroom', 'bedroom', 'bathroom'];

/** Receptacles that can be opened and closed (`OPENABLE_CLASS_LIST`, lower-cased). */
export const OPENABLE_RECEPTACLES: ReadonlySet<string> = new Set(['fridge', 'cabinet', 'microwave', 'drawer', 'safe', 'box']);

/** Lamps: toggleable, not pickupable, they stand in a receptacle. */
export const LAMP_TYPES: readonly string[] = ['desklamp', 'floorlamp'];

/** Receptacle types a lamp may stand on when a world is generated. */
export const LAMP_SURFACES: ReadonlySet<string> = new Set(['desk', 'sidetable', 'dresser', 'shelf', 'coffeetable', 'tvstand']);

const FOOD = ['apple', 'bread', 'egg', 'lettuce', 'potato', 'tomato'];
const DISHES = ['bowl', 'cup', 'kettle', 'mug', 'pan', 'plate', 'pot'];
const UTENSILS = ['butterknife', 'fork', 'knife', 'ladle', 'spatula', 'spoon'];
const KITCHEN_MISC = ['dishsponge', 'peppershaker', 'saltshaker', 'soapbottle', 'winebottle'];
const SMALL_THINGS = ['alarmclock', 'book', 'cd', 'cellphone', 'creditcard', 'keychain', 'newspaper', 'pen', 'pencil', 'remotecontrol', 'statue', 'tissuebox', 'vase', 'watch'];
const LARGE_THINGS = ['baseballbat', 'basketball', 'laptop', 'pillow', 'teddybear', 'tennisracket', 'wateringcan'];
const BATH_THINGS = ['candle', 'cloth', 'handtowel', 'plunger', 'scrubbrush', 'soapbar', 'soapbottle', 'spraybottle', 'toiletpaper', 'towel'];

/** Every object type an agent can pick up. */
export const PICKUPABLE_TYPES: ReadonlySet<string> = new Set([...FOOD, ...DISHES, ...UTENSILS, ...KITCHEN_MISC, ...SMALL_THINGS, ...LARGE_THINGS, ...BATH_THINGS]);

/** Every object type, lamps included. */
export const OBJECT_TYPES: ReadonlySet<string> = new Set([...PICKUPABLE_TYPES, ...LAMP_TYPES]);

/** `VAL_ACTION_OBJECTS['Heatable']`. */
export const HEATABLE: ReadonlySet<string> = new Set(['apple', 'bread', 'cup', 'egg', 'mug', 'plate', 'potato', 'tomato']);
/** `VAL_ACTION_OBJECTS['Coolable']`: the heatable set plus bowl, lettuce, pan, pot, winebottle. */
export const COOLABLE: ReadonlySet<string> = new Set([...HEATABLE, 'bowl', 'lettuce', 'pan', 'pot', 'winebottle']);
/** `VAL_ACTION_OBJECTS['Cleanable']`. */
export const CLEANABLE: ReadonlySet<string> = new Set([
  'apple', 'bowl', 'butterknife', 'cloth', 'cup', 'dishsponge', 'egg', 'fork', 'kettle', 'knife', 'ladle',
  'lettuce', 'mug', 'pan', 'plate', 'pot', 'potato', 'soapbar', 'spatula', 'spoon', 'tomato',
]);

const surfaceItems = [...PICKUPABLE_TYPES].filter((t) => !['baseballbat', 'basketball', 'pillow', 'plunger', 'teddybear', 'tennisracket'].includes(t));
const furnitureItems = [...SMALL_THINGS, 'baseballbat', 'basketball', 'bowl', 'candle', 'cup', 'laptop', 'mug', 'plate', 'soapbottle', 'spraybottle', 'teddybear', 'tennisracket', 'toiletpaper', 'wateringcan'];

/** canContain: receptacle type → object types that may be put in or on it. */
export const CAN_CONTAIN: Readonly<Record<string, ReadonlySet<string>>> = {
  armchair: new Set(['book', 'cellphone', 'creditcard', 'keychain', 'laptop', 'newspaper', 'pillow', 'remotecontrol', 'teddybear', 'watch']),
  bathtubbasin: new Set(['cloth', 'handtowel', 'soapbar', 'soapbottle']),
  bed: new Set(['baseballbat', 'basketball', 'book', 'cellphone', 'laptop', 'pillow', 'teddybear', 'tennisracket']),
  box: new Set(['book', 'cd', 'cellphone', 'creditcard', 'keychain', 'pen', 'pencil', 'remotecontrol', 'statue', 'tissuebox', 'vase', 'watch']),
  cabinet: new Set([...DISHES, ...UTENSILS, ...KITCHEN_MISC, 'book', 'candle', 'cd', 'cloth', 'handtowel', 'soapbar', 'spraybottle', 'tissuebox', 'toiletpaper', 'vase']),
  coffeemachine: new Set(['mug']),
  coffeetable: new Set(surfaceItems),
  countertop: new Set(surfaceItems),
  desk: new Set(furnitureItems),
  diningtable: new Set(surfaceItems),
  drawer: new Set([...UTENSILS, 'book', 'candle', 'cd', 'cellphone', 'cloth', 'creditcard', 'dishsponge', 'handtowel', 'keychain', 'pen', 'pencil', 'peppershaker', 'remotecontrol', 'saltshaker', 'soapbar', 'soapbottle', 'spraybottle', 'tissuebox', 'toiletpaper', 'watch']),
  dresser: new Set(furnitureItems),
  fridge: new Set(['apple', 'bowl', 'bread', 'cup', 'egg', 'lettuce', 'mug', 'pan', 'plate', 'pot', 'potato', 'tomato', 'winebottle']),
  garbagecan: new Set(['apple', 'bread', 'candle', 'cd', 'cloth', 'creditcard', 'dishsponge', 'egg', 'lettuce', 'newspaper', 'pen', 'pencil', 'potato', 'soapbar', 'soapbottle', 'spraybottle', 'tissuebox', 'toiletpaper', 'tomato', 'winebottle']),
  handtowelholder: new Set(['handtowel']),
  laundryhamper: new Set(['cloth']),
  microwave: new Set(['apple', 'bowl', 'bread', 'cup', 'egg', 'mug', 'plate', 'potato', 'tomato']),
  safe: new Set(['cd', 'cellphone', 'creditcard', 'keychain', 'statue', 'vase', 'watch']),
  shelf: new Set([...furnitureItems, ...DISHES, ...KITCHEN_MISC, 'cloth', 'soapbar']),
  sidetable: new Set(surfaceItems),
  sinkbasin: new Set([...CLEANABLE, 'soapbottle', 'winebottle']),
  sofa: new Set(['book', 'cellphone', 'creditcard', 'keychain', 'laptop', 'newspaper', 'pillow', 'remotecontrol', 'teddybear', 'watch']),
  stoveburner: new Set(['kettle', 'pan', 'pot']),
  toaster: new Set<string>(),
  toilet: new Set(['candle', 'cellphone', 'cloth', 'creditcard', 'keychain', 'soapbar', 'soapbottle', 'spraybottle', 'tissuebox', 'toiletpaper']),
  toiletpaperhanger: new Set(['toiletpaper']),
  towelholder: new Set(['towel']),
  tvstand: new Set([...SMALL_THINGS, 'laptop']),
};

/** Every receptacle type. */
export const RECEPTACLE_TYPES: ReadonlySet<string> = new Set(Object.keys(CAN_CONTAIN));

/** Whether an object of `objectType` may be put in or on a receptacle of `receptacleType`. */
export function canContain(receptacleType: string, objectType: string): boolean {
  return CAN_CONTAIN[receptacleType]?.has(objectType) ?? false;
}

/** How many instances of one receptacle type a room of the real benchmark holds (the §1.6 table, trimmed). */
export interface ReceptacleRange {
  type: string;
  min: number;
  max: number;
}

/** What a room type looks like: its receptacles, its common objects and its lamp types. */
export interface RoomSpec {
  receptacles: readonly ReceptacleRange[];
  objects: readonly string[];
  lamps: readonly string[];
}

const r = (type: string, min: number, max: number): ReceptacleRange => ({ type, min, max });

/** Room specifications (§1.6 and §4.1). */
export const ROOM_SPECS: Readonly<Record<RoomType, RoomSpec>> = {
  kitchen: {
    receptacles: [
      r('cabinet', 3, 10), r('drawer', 1, 5), r('countertop', 1, 3), r('shelf', 0, 3), r('diningtable', 0, 2), r('sidetable', 0, 1),
      r('fridge', 1, 1), r('microwave', 1, 1), r('sinkbasin', 1, 1), r('coffeemachine', 1, 1), r('toaster', 1, 1),
      r('garbagecan', 1, 1), r('stoveburner', 2, 4),
    ],
    objects: [...FOOD, ...DISHES, ...UTENSILS, ...KITCHEN_MISC],
    lamps: [],
  },
  livingroom: {
    receptacles: [
      r('sofa', 1, 1), r('garbagecan', 1, 1), r('box', 1, 2), r('armchair', 1, 2), r('coffeetable', 1, 2), r('sidetable', 1, 3),
      r('drawer', 2, 6), r('diningtable', 0, 1), r('tvstand', 0, 1), r('shelf', 1, 6), r('dresser', 0, 1),
    ],
    objects: ['book', 'cellphone', 'creditcard', 'keychain', 'laptop', 'newspaper', 'pillow', 'plate', 'remotecontrol', 'statue', 'tissuebox', 'vase', 'watch', 'wateringcan'],
    lamps: ['floorlamp', 'desklamp'],
  },
  bedroom: {
    receptacles: [
      r('bed', 1, 1), r('garbagecan', 1, 1), r('drawer', 2, 8), r('shelf', 1, 6), r('desk', 1, 2), r('sidetable', 1, 2),
      r('dresser', 0, 1), r('box', 0, 1), r('laundryhamper', 0, 1), r('armchair', 0, 1), r('safe', 0, 1),
    ],
    objects: ['alarmclock', 'baseballbat', 'basketball', 'book', 'bowl', 'cd', 'cellphone', 'creditcard', 'keychain', 'laptop', 'mug', 'pen', 'pencil', 'pillow', 'teddybear', 'tennisracket'],
    lamps: ['desklamp', 'floorlamp'],
  },
  bathroom: {
    receptacles: [
      r('toilet', 1, 1), r('sinkbasin', 1, 2), r('toiletpaperhanger', 1, 1), r('handtowelholder', 1, 1), r('towelholder', 1, 1),
      r('garbagecan', 1, 1), r('countertop', 1, 1), r('bathtubbasin', 0, 1), r('cabinet', 1, 4), r('drawer', 1, 4), r('shelf', 0, 3),
    ],
    objects: BATH_THINGS,
    lamps: [],
  },
};
