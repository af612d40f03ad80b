/**
 * The word material of the procedural catalogue (envs.md §4.2): five categories with eight product types
 * each, attribute phrases tagged prop/item/use as WebShop's mined attributes are, option dimensions and
 * brand names. Product-type queries are written so that a title containing them gives the type reward its
 * nouns (the words of `query`).
 */
import type { AttributeTag } from './types.ts';

/** A product type: its search term, breadcrumb, title phrase, option dimensions and price band. */
export interface ProductTypeSpec {
  query: string;
  /** Second and third breadcrumb levels (the first is the category). */
  breadcrumb: [string, string];
  /** The type as it reads in a title (uses the words of `query`). */
  titlePhrase: string;
  /** Option dimensions a product of this type may have (0–2 are used). */
  dimensions: string[];
  /** Base price band in dollars. */
  price: [number, number];
}

/** An attribute phrase with its tag. */
export interface AttributeSpec {
  phrase: string;
  tag: AttributeTag;
}

/** A category: its types, attribute vocabulary and brands. */
export interface CategorySpec {
  name: string;
  types: ProductTypeSpec[];
  attributes: AttributeSpec[];
  brands: string[];
}

const p = (phrase: string): AttributeSpec => ({ phrase, tag: 'prop' });
const i = (phrase: string): AttributeSpec => ({ phrase, tag: 'item' });
const u = (phrase: string): AttributeSpec => ({ phrase, tag: 'use' });
const t = (query: string, level2: string, titlePhrase: string, dimensions: string[], price: [number, number]): ProductTypeSpec => ({
  query,
  breadcrumb: [level2, query],
  titlePhrase,
  dimensions,
  price,
});

/** Values of each option dimension (lower-case; sizes and colours in the style of WebShop's SIZE_SET/COLOR_SET). */
export const DIMENSION_VALUES: Readonly<Record<string, readonly string[]>> = {
  color: [
    'black', 'white', 'navy', 'grey', 'red', 'beige', 'green stripe', 'light blue', 'burgundy', 'olive', 'pink', 'khaki',
    'purple', 'yellow', 'teal', 'brown', 'silver', 'gold', 'coral', 'charcoal',
  ],
  size: ['x-small', 'small', 'medium', 'large', 'x-large', 'xx-large', '3x-large', 'one size', '2 pack', '4 pack'],
  scent: ['lavender scent', 'vanilla', 'unscented', 'citrus', 'fresh linen', 'sandalwood', 'coconut', 'eucalyptus'],
  volume: ['1 fl oz', '2.5 fl oz', '3.4 fl oz', '6.7 fl oz', '8 fl oz', '16 fl oz'],
  flavor: ['original', 'sea salt', 'honey', 'dark chocolate', 'strawberry', 'cinnamon', 'peanut butter', 'mixed berry'],
  count: ['pack of 1', 'pack of 2', 'pack of 3', 'pack of 6', 'pack of 12', '24 count'],
  material: ['solid wood', 'metal', 'rattan', 'velvet', 'linen', 'leather', 'bamboo', 'marble'],
  capacity: ['32gb', '64gb', '128gb', '256gb', '512gb', '1tb'],
  style: ['classic', 'modern', 'sport', 'slim', 'pro', 'mini', 'plus', 'compact'],
};

/** The five categories of envs.md §4.2. */
export const CATEGORIES: readonly CategorySpec[] = [
  {
    name: 'beauty',
    types: [
      t('lipstick', 'makeup', 'Lipstick', ['color'], [6, 30]),
      t('eyeliner', 'makeup', 'Eyeliner', ['color'], [5, 22]),
      t('face moisturizer', 'skin care', 'Face Moisturizer', ['volume', 'scent'], [9, 60]),
      t('shampoo', 'hair care', 'Shampoo', ['volume', 'scent'], [7, 40]),
      t('hair extensions', 'hair care', 'Hair Extensions', ['color', 'size'], [15, 120]),
      t('nail polish', 'nail care', 'Nail Polish', ['color'], [5, 18]),
      t('body wash', 'bath and body', 'Body Wash', ['scent', 'volume'], [6, 28]),
      t('perfume', 'fragrance', 'Perfume', ['volume'], [20, 150]),
    ],
    attributes: [
      p('long lasting'), p('cruelty free'), p('paraben free'), p('travel size'), p('natural ingredients'), p('sulfate free'),
      p('hypoallergenic'), i('hyaluronic acid'), i('argan oil'), i('tea tree'), i('vitamin c'), i('shea butter'),
      u('dry skin'), u('sensitive skin'), u('hair growth'),
    ],
    brands: ['Luxora', 'Velour', 'Pure Bloom', 'Aveline', 'Glowe', 'Mirelle'],
  },
  {
    name: 'food',
    types: [
      t('protein bars', 'snacks', 'Protein Bars', ['flavor', 'count'], [12, 45]),
      t('potato chips', 'snacks', 'Potato Chips', ['flavor', 'count'], [5, 30]),
      t('green tea', 'beverages', 'Green Tea', ['count'], [6, 25]),
      t('coffee beans', 'beverages', 'Coffee Beans', ['flavor', 'count'], [10, 48]),
      t('trail mix', 'snacks', 'Trail Mix', ['flavor', 'count'], [7, 32]),
      t('olive oil', 'pantry', 'Olive Oil', ['count'], [9, 40]),
      t('pasta sauce', 'pantry', 'Pasta Sauce', ['flavor', 'count'], [5, 24]),
      t('dark chocolate', 'sweets', 'Dark Chocolate', ['count'], [6, 35]),
    ],
    attributes: [
      p('gluten free'), p('sugar free'), p('non gmo'), p('low carb'), p('keto friendly'), p('usda organic'),
      p('dairy free'), p('high protein'), i('individually wrapped'), i('resealable bag'), i('glass jar'),
      i('real fruit'), u('gift baskets'), u('quick meals'), u('breakfast'),
    ],
    brands: ['Harvest Lane', 'Nutrio', 'Goldfield', 'Oakmeadow', 'Sunpeak', 'Bramble'],
  },
  {
    name: 'fashion',
    types: [
      t("men's t-shirts", 'men clothing', "Men's T-Shirts", ['color', 'size'], [10, 40]),
      t("women's jumpsuits", 'women clothing', "Women's Jumpsuits", ['color', 'size'], [18, 70]),
      t("men's pants", 'men clothing', "Men's Pants", ['color', 'size'], [20, 80]),
      t("women's sneakers", 'shoes', "Women's Sneakers", ['color', 'size'], [25, 110]),
      t('hoodies', 'men clothing', 'Hoodies', ['color', 'size'], [20, 65]),
      t("women's dresses", 'women clothing', "Women's Dresses", ['color', 'size'], [18, 90]),
      t('workout leggings', 'women clothing', 'Workout Leggings', ['color', 'size'], [12, 50]),
      t('rain jackets', 'outerwear', 'Rain Jackets', ['color', 'size'], [30, 150]),
    ],
    attributes: [
      p('machine wash'), p('slim fit'), p('relaxed fit'), p('quick drying'), p('high waist'), p('loose fit'),
      p('moisture wicking'), i('short sleeve'), i('long sleeve'), i('polyester spandex'), i('cotton blend'),
      i('elastic waistband'), u('daily wear'), u('gym workout'), u('outdoor hiking'),
    ],
    brands: ['Northloom', 'Tessa', 'Urban Ridge', 'Kestrel', 'Mava', 'Driftwear'],
  },
  {
    name: 'furniture',
    types: [
      t('bar stools', 'dining room', 'Bar Stools', ['color', 'material'], [60, 280]),
      t('bookshelves', 'living room', 'Bookshelves', ['color'], [45, 260]),
      t('office chairs', 'home office', 'Office Chairs', ['color'], [70, 300]),
      t('coffee tables', 'living room', 'Coffee Tables', ['material'], [55, 290]),
      t('nightstands', 'bedroom', 'Nightstands', ['color', 'material'], [35, 180]),
      t('storage ottomans', 'living room', 'Storage Ottomans', ['color', 'material'], [30, 140]),
      t('tv stands', 'living room', 'TV Stands', ['color'], [60, 280]),
      t('shoe racks', 'entryway', 'Shoe Racks', ['color', 'size'], [20, 90]),
    ],
    attributes: [
      p('easy assemble'), p('space saving'), p('heavy duty'), p('mid century'), p('height adjustable'),
      p('water resistant'), i('storage space'), i('wood finish'), i('steel frame'), i('lumbar support'),
      i('soft cushion'), u('living room'), u('small spaces'), u('home office'), u('dining room'),
    ],
    brands: ['Timberlyn', 'Casa Nova', 'Hearthwood', 'Mobilio', 'Ashcroft', 'Lumbra'],
  },
  {
    name: 'electronics',
    types: [
      t('wireless earbuds', 'audio', 'Wireless Earbuds', ['color'], [20, 180]),
      t('bluetooth speakers', 'audio', 'Bluetooth Speakers', ['color', 'style'], [25, 160]),
      t('phone cases', 'cell phone accessories', 'Phone Cases', ['color', 'style'], [8, 35]),
      t('usb flash drives', 'data storage', 'USB Flash Drives', ['capacity'], [6, 60]),
      t('power banks', 'cell phone accessories', 'Power Banks', ['color', 'capacity'], [15, 70]),
      t('hdmi cables', 'cables', 'HDMI Cables', ['size'], [6, 30]),
      t('smart watches', 'wearables', 'Smart Watches', ['color', 'style'], [40, 290]),
      t('webcams', 'computer accessories', 'Webcams', ['style'], [25, 140]),
    ],
    attributes: [
      p('noise cancelling'), p('fast charging'), p('high speed'), p('water resistant'), p('plug and play'),
      p('long battery life'), p('hands free'), i('usb c'), i('carrying case'), i('built in microphone'),
      i('shockproof'), i('1080p hd'), u('video conference'), u('iphone'), u('travel'),
    ],
    brands: ['Voltra', 'Sonique', 'Nexel', 'Brightcore', 'Zentek', 'Auralink'],
  },
];
