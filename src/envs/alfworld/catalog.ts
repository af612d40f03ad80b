/**
 * The static facts of ALFWorld-lite: which receptacle and object types exist, what each can do, what may
 * go where, and what each room type contains (reference/envs.md §1.2 and §1.6).
 *
 * The type lists and properties are ALFWorld's (`alfworld/gen/constants.py`): receptacles are the types of
 * `RECEPTACLES` that are not `MOVABLE_RECEPTACLES` (ALFWorld's text games never use movable receptacles as
 * receptacles, so a box, a bowl or a plate is an object); objects are every other type of `OBJECTS`. canContain
 * is `VAL_RECEPTACLE_OBJECTS` with the sliced types dropped (no sliced objects here), heat/cool/clean/slice/toggle
 * are `VAL_ACTION_OBJECTS`, openable is `OPENABLE_CLASS_LIST`, and pickupable is AI2-THOR's `pickupable` flag.
 */
/** The four ALFRED room types. */
export type RoomType = 'kitchen' | 'livingroom' | 'bedroom' | 'bathroom';

/** All room types, in a fixed order. */
export const ROOM_TYPES: readonly RoomType[] = ['kitchen', 'livingroom', 'bedroom', 'bathroom'];

/**
 * Receptacle types that can be opened and closed (`OPENABLE_CLASS_LIST`, lower-cased, without `box`, which is
 * an object in ALFWorld's text games). A scene file may still mark one instance as not openable, as real games do
 * for some cabinets and drawers.
 */
export const OPENABLE_RECEPTACLES: ReadonlySet<string> = new Set(['cabinet', 'drawer', 'fridge', 'microwave', 'safe']);

/** Lamps (`VAL_ACTION_OBJECTS['Toggleable']`): toggleable, not pickupable, they stand in a receptacle. */
export const LAMP_TYPES: readonly string[] = ['desklamp', 'floorlamp'];

/** Receptacle types a lamp may stand on when a world is generated. */
export const LAMP_SURFACES: ReadonlySet<string> = new Set(['desk', 'sidetable', 'dresser', 'shelf', 'coffeetable', 'tvstand']);

const FOOD = ['apple', 'bread', 'egg', 'lettuce', 'potato', 'tomato'];
const DISHES = ['bowl', 'cup', 'kettle', 'mug', 'pan', 'plate', 'pot'];
const UTENSILS = ['butterknife', 'fork', 'knife', 'ladle', 'spatula', 'spoon'];
const KITCHEN_MISC = ['dishsponge', 'peppershaker', 'saltshaker', 'soapbottle', 'winebottle'];
const BATH_THINGS = ['candle', 'cloth', 'handtowel', 'plunger', 'scrubbrush', 'soapbar', 'soapbottle', 'spraybottle', 'toiletpaper', 'towel'];

/**
 * Object types that are part of the room and cannot be picked up (AI2-THOR: not `pickupable`), including the
 * scene types of ALFWorld's layouts that `OBJECTS` leaves out (faucet, shower curtain, shower head).
 */
const FIXED_OBJECTS = [
  'bathtub', 'blinds', 'chair', 'curtains', 'desklamp', 'faucet', 'floorlamp', 'footstool', 'houseplant',
  'laundryhamperlid', 'lightswitch', 'mirror', 'painting', 'poster', 'showercurtain', 'showerdoor', 'showerglass',
  'showerhead', 'sink', 'stoveknob', 'television', 'window',
];

/** Every object type an agent can pick up (AI2-THOR's `pickupable` types among ALFWorld's objects). */
export const PICKUPABLE_TYPES: ReadonlySet<string> = new Set([
  'alarmclock', 'apple', 'baseballbat', 'basketball', 'book', 'boots', 'bowl', 'box', 'bread', 'butterknife', 'candle',
  'cd', 'cellphone', 'cloth', 'creditcard', 'cup', 'dishsponge', 'egg', 'fork', 'glassbottle', 'handtowel', 'kettle',
  'keychain', 'knife', 'ladle', 'laptop', 'lettuce', 'mug', 'newspaper', 'pan', 'papertowel', 'papertowelroll', 'pen',
  'pencil', 'peppershaker', 'pillow', 'plate', 'plunger', 'pot', 'potato', 'remotecontrol', 'saltshaker', 'scrubbrush',
  'soapbar', 'soapbottle', 'spatula', 'spoon', 'spraybottle', 'statue', 'teddybear', 'tennisracket', 'tissuebox',
  'toiletpaper', 'toiletpaperroll', 'tomato', 'towel', 'vase', 'watch', 'wateringcan', 'winebottle',
  // Not in ALFWorld's `OBJECTS`, but on a dining table of a published game (ReAct's act_put_1); no receptacle
  // lists it, so it can be taken but put nowhere.
  'pineapple',
]);

/** Every object type of ALFWorld's text games (83): the pickupable ones and the fixed ones, lamps included. */
export const OBJECT_TYPES: ReadonlySet<string> = new Set([...PICKUPABLE_TYPES, ...FIXED_OBJECTS]);

/** `VAL_ACTION_OBJECTS['Heatable']`. */
export const HEATABLE: ReadonlySet<string> = new Set(['apple', 'bread', 'cup', 'egg', 'mug', 'plate', 'potato', 'tomato']);
/** `VAL_ACTION_OBJECTS['Coolable']`: the heatable set plus bowl, lettuce, pan, pot, winebottle. */
export const COOLABLE: ReadonlySet<string> = new Set([...HEATABLE, 'bowl', 'lettuce', 'pan', 'pot', 'winebottle']);
/** `VAL_ACTION_OBJECTS['Cleanable']`. */
export const CLEANABLE: ReadonlySet<string> = new Set([
  'apple', 'bowl', 'butterknife', 'cloth', 'cup', 'dishsponge', 'egg', 'fork', 'kettle', 'knife', 'ladle',
  'lettuce', 'mug', 'pan', 'plate', 'pot', 'potato', 'soapbar', 'spatula', 'spoon', 'tomato',
]);
/** `VAL_ACTION_OBJECTS['Sliceable']`. Recorded for completeness: slicing is not supported (no sliced tasks are loaded). */
export const SLICEABLE: ReadonlySet<string> = new Set(['apple', 'bread', 'egg', 'lettuce', 'potato', 'tomato']);

const TABLE_TOP = [
  'alarmclock', 'apple', 'baseballbat', 'basketball', 'book', 'bowl', 'box', 'bread', 'butterknife', 'candle', 'cd',
  'cellphone', 'cloth', 'creditcard', 'cup', 'dishsponge', 'egg', 'fork', 'glassbottle', 'handtowel', 'kettle',
  'keychain', 'knife', 'ladle', 'laptop', 'lettuce', 'mug', 'newspaper', 'pan', 'papertowel', 'pen', 'pencil',
  'peppershaker', 'plate', 'pot', 'potato', 'remotecontrol', 'saltshaker', 'soapbar', 'soapbottle', 'spatula', 'spoon',
  'spraybottle', 'statue', 'tennisracket', 'tissuebox', 'toiletpaper', 'toiletpaperroll', 'tomato', 'vase', 'watch',
  'wateringcan', 'winebottle',
];
const SEAT = ['basketball', 'book', 'box', 'cellphone', 'cloth', 'creditcard', 'keychain', 'laptop', 'newspaper', 'pillow', 'remotecontrol'];
const DESK = [
  'alarmclock', 'basketball', 'book', 'bowl', 'box', 'candle', 'cd', 'cellphone', 'cloth', 'creditcard', 'cup',
  'glassbottle', 'keychain', 'laptop', 'mug', 'newspaper', 'pen', 'pencil', 'plate', 'remotecontrol', 'spraybottle',
  'statue', 'tennisracket', 'tissuebox', 'toiletpaper', 'toiletpaperroll', 'vase', 'watch', 'wateringcan', 'winebottle',
];

/**
 * canContain: receptacle type → object types that may be put in or on it (`VAL_RECEPTACLE_OBJECTS` without the
 * sliced types; the toaster only takes sliced bread there, so nothing here, and the painting hanger has no entry).
 */
export const CAN_CONTAIN: Readonly<Record<string, ReadonlySet<string>>> = {
  armchair: new Set(SEAT),
  bathtubbasin: new Set(['cloth', 'dishsponge', 'handtowel', 'soapbar']),
  bed: new Set(['baseballbat', 'basketball', 'book', 'cellphone', 'laptop', 'newspaper', 'pillow', 'tennisracket']),
  cabinet: new Set([
    'book', 'bowl', 'box', 'candle', 'cd', 'cloth', 'cup', 'dishsponge', 'glassbottle', 'handtowel', 'kettle', 'ladle',
    'mug', 'newspaper', 'pan', 'peppershaker', 'plate', 'plunger', 'pot', 'saltshaker', 'soapbar', 'soapbottle',
    'spraybottle', 'tissuebox', 'toiletpaper', 'toiletpaperroll', 'vase', 'wateringcan', 'winebottle',
  ]),
  cart: new Set([
    'candle', 'cloth', 'dishsponge', 'handtowel', 'mug', 'papertowel', 'plunger', 'soapbar', 'soapbottle', 'spraybottle',
    'statue', 'tissuebox', 'toiletpaper', 'toiletpaperroll', 'vase',
  ]),
  coffeemachine: new Set(['mug']),
  coffeetable: new Set(TABLE_TOP),
  countertop: new Set(TABLE_TOP),
  desk: new Set([...DESK, 'soapbottle']),
  diningtable: new Set(TABLE_TOP),
  drawer: new Set([
    'book', 'butterknife', 'candle', 'cd', 'cellphone', 'cloth', 'creditcard', 'dishsponge', 'fork', 'handtowel',
    'keychain', 'knife', 'ladle', 'newspaper', 'pen', 'pencil', 'peppershaker', 'remotecontrol', 'saltshaker', 'soapbar',
    'soapbottle', 'spatula', 'spoon', 'spraybottle', 'tissuebox', 'toiletpaper', 'toiletpaperroll', 'watch', 'wateringcan',
  ]),
  dresser: new Set(DESK),
  fridge: new Set(['apple', 'bowl', 'bread', 'cup', 'egg', 'glassbottle', 'lettuce', 'mug', 'pan', 'plate', 'pot', 'potato', 'tomato', 'winebottle']),
  garbagecan: new Set([
    'apple', 'bread', 'cd', 'cloth', 'dishsponge', 'egg', 'handtowel', 'lettuce', 'newspaper', 'papertowel', 'pen',
    'pencil', 'potato', 'soapbar', 'soapbottle', 'spraybottle', 'tissuebox', 'toiletpaper', 'toiletpaperroll', 'tomato',
    'winebottle',
  ]),
  handtowelholder: new Set(['handtowel']),
  laundryhamper: new Set(['cloth']),
  microwave: new Set(['apple', 'bowl', 'bread', 'cup', 'egg', 'glassbottle', 'mug', 'plate', 'potato', 'tomato']),
  ottoman: new Set(SEAT),
  paintinghanger: new Set<string>(),
  safe: new Set(['cd', 'cellphone', 'creditcard', 'keychain', 'statue', 'vase', 'watch']),
  shelf: new Set([
    'alarmclock', 'book', 'bowl', 'box', 'candle', 'cd', 'cellphone', 'cloth', 'creditcard', 'cup', 'dishsponge',
    'glassbottle', 'handtowel', 'kettle', 'keychain', 'mug', 'newspaper', 'papertowel', 'pen', 'pencil', 'peppershaker',
    'plate', 'pot', 'remotecontrol', 'saltshaker', 'soapbar', 'soapbottle', 'spraybottle', 'statue', 'tissuebox',
    'toiletpaper', 'toiletpaperroll', 'vase', 'watch', 'wateringcan', 'winebottle',
  ]),
  sidetable: new Set(TABLE_TOP),
  sinkbasin: new Set([
    'apple', 'bowl', 'butterknife', 'cloth', 'cup', 'dishsponge', 'egg', 'fork', 'glassbottle', 'handtowel', 'kettle',
    'knife', 'ladle', 'lettuce', 'mug', 'pan', 'plate', 'pot', 'potato', 'soapbar', 'spatula', 'spoon', 'tomato',
  ]),
  sofa: new Set(SEAT),
  stoveburner: new Set(['kettle', 'pan', 'pot']),
  toaster: new Set<string>(),
  toilet: new Set([
    'candle', 'cloth', 'dishsponge', 'handtowel', 'newspaper', 'papertowel', 'soapbar', 'soapbottle', 'spraybottle',
    'tissuebox', 'toiletpaper', 'toiletpaperroll',
  ]),
  toiletpaperhanger: new Set(['toiletpaper', 'toiletpaperroll']),
  towelholder: new Set(['towel']),
  tvstand: new Set(['tissuebox']),
};

/** Every receptacle type (30). */
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
      r('sofa', 1, 1), r('garbagecan', 1, 1), r('armchair', 1, 2), r('coffeetable', 1, 2), r('sidetable', 1, 3),
      r('drawer', 2, 6), r('diningtable', 0, 1), r('tvstand', 0, 1), r('shelf', 1, 6), r('dresser', 0, 1),
    ],
    objects: ['book', 'cellphone', 'creditcard', 'keychain', 'laptop', 'newspaper', 'pillow', 'plate', 'remotecontrol', 'statue', 'tissuebox', 'vase', 'watch', 'wateringcan'],
    lamps: ['floorlamp', 'desklamp'],
  },
  bedroom: {
    receptacles: [
      r('bed', 1, 1), r('garbagecan', 1, 1), r('drawer', 2, 8), r('shelf', 1, 6), r('desk', 1, 2), r('sidetable', 1, 2),
      r('dresser', 0, 1), r('laundryhamper', 0, 1), r('armchair', 0, 1), r('safe', 0, 1),
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

/**
 * Every object and receptacle type a generated world can hold (the room specifications' receptacles,
 * objects and lamps). Scene files may use the whole catalogue; a policy's vocabulary needs only these.
 */
export const GENERATED_TYPES: ReadonlySet<string> = new Set(
  Object.values(ROOM_SPECS).flatMap((spec) => [...spec.receptacles.map((r) => r.type), ...spec.objects, ...spec.lamps]),
);
