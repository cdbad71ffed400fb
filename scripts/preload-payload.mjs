// Given to `node --import` before the Astro server starts. On Node 20, importing `payload` and
// `@payloadcms/richtext-lexical` lazily and concurrently (as Astro's server does on the first
// request) can deadlock the ESM loader; loading them up front, in order, avoids that.
import 'payload'
import '@payloadcms/richtext-lexical'
import '@payloadcms/db-sqlite'
