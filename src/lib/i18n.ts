/** The site's own words (content comes from the CMS), in Chinese and English. */
export type Locale = 'zh' | 'en'

const words = {
  siteName: { zh: '睦邻 · 社区睦邻中心', en: 'Mulin · Neighbourhood Centres' },
  skip: { zh: '跳到正文', en: 'Skip to content' },
  menu: { zh: '网站导航', en: 'Site navigation' },
  careOn: { zh: '大字模式', en: 'Large text' },
  careOff: { zh: '标准模式', en: 'Standard text' },
  otherLanguage: { zh: 'English', en: '中文' },
  footerTagline: {
    zh: '社区睦邻中心网络 · 居民自治 · 公益服务',
    en: 'Neighbourhood centres · resident self-governance · public benefit',
  },
  phone: { zh: '电话', en: 'Phone' },
  email: { zh: '邮箱', en: 'Email' },
  // Before a value: a full-width colon in Chinese, a half-width one and a space in English.
  phoneLabel: { zh: '电话：', en: 'Phone: ' },
  emailLabel: { zh: '邮箱：', en: 'Email: ' },
  stars: { zh: '星', en: 'stars' },
} as const

export type WordKey = keyof typeof words

export function t(key: WordKey, locale: Locale): string {
  return words[key][locale]
}

/** The path of the same page in the other language, where the site has one. */
export function localePath(path: string, locale: Locale): string {
  const bare = path.replace(/^\/en(?=\/|$)/, '') || '/'
  return locale === 'en' ? (bare === '/' ? '/en/' : `/en${bare}`) : bare
}

/** The sections the English site has: the English navigation offers these and no others. */
export const ENGLISH_SECTIONS: readonly string[] = [
  '/',
  '/centres',
  '/events',
  '/conventions',
  '/projects',
  '/stars',
  '/figures',
  '/case-studies',
  '/visits',
]
