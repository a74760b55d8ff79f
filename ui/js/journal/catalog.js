// @ts-check
// The journal's reference data: kinds, babies, feeling words and tags. No DOM.

/** @typedef {import('../types.js').Kind} Kind */
/** @typedef {import('../types.js').Baby} Baby */

/** Keyboard keys for quick-logging the built-in kinds on the Today screen. */
export const KIND_KEYS = {
  skin_to_skin: 's',
  feeding: 'f',
  changing: 'c',
  rocking: 'r',
  soothing: 'o',
  bathing: 'b',
  talking_reading_singing: 't',
  tummy_time: 'u',
  carrying_walking: 'w',
};

/** Words at both ends of the 1–5 scales. */
export const SCALES = {
  connection: { label: 'How connected did you feel?', low: 'Far away', high: 'Very close' },
  energy: {
    label: 'How much energy did you have?',
    low: 'Running on empty',
    high: 'Full of energy',
  },
};

/**
 * @param {typeof import('../api.js')} api
 * @param {() => string} [partner] how the partner is named beside their moments
 */
export function createCatalog(api, partner = () => 'your partner') {
  /** @type {{kinds: Kind[], babies: Baby[], feelings: string[], tags: string[]}} */
  const data = { kinds: [], babies: [], feelings: [], tags: [] };
  return {
    data,
    async load() {
      const [kinds, babies, feelings, tags] = await Promise.all([
        api.listKinds(),
        api.listBabies(),
        api.feelingSuggestions(),
        api.tagSuggestions(),
      ]);
      Object.assign(data, {
        kinds,
        babies,
        feelings: feelings.map((f) => f.word),
        tags: tags.map((t) => t.tag),
      });
    },
    /** @param {string} id */
    kind(id) {
      return (
        data.kinds.find((k) => k.id === id) ?? {
          id,
          name: id,
          emoji: '•',
          timed: false,
          builtIn: false,
          hidden: false,
          details: [],
        }
      );
    },
    /** @param {number|null|undefined} id */
    babyName(id) {
      return data.babies.find((b) => b.id === id)?.name ?? '';
    },
    /** How a row names the partner whose computer a moment came from. */
    partnerName: partner,
    visibleKinds() {
      return data.kinds.filter((k) => !k.hidden);
    },
    activeBabies() {
      return data.babies.filter((b) => !b.archived);
    },
  };
}

/** @typedef {ReturnType<typeof createCatalog>} Catalog */

/**
 * The detail's display name for a moment of `kind`, or ''.
 * @param {Kind} kind
 * @param {string|null|undefined} detail
 */
export function detailName(kind, detail) {
  return kind.details.find((d) => d.id === detail)?.name ?? '';
}

/** This computer's UTC offset now, in seconds east of UTC. */
export function currentOffsetSeconds() {
  return -new Date().getTimezoneOffset() * 60;
}
