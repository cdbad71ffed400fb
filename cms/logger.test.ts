import { Writable } from 'node:stream'

import { describe, expect, it } from 'vitest'

import { createLogger, maskPhones } from './logger'

describe('the log never holds a full mobile number or a named person', () => {
  it('keeps only the last four digits of mobile numbers in messages', () => {
    expect(maskPhones('called 13912345678 and 021-65550100')).toBe('called *******5678 and 021-65550100')
    expect(maskPhones('order 2139123456789')).toBe('order 2139123456789') // longer runs are not phones
  })

  it('redacts name and phone fields, at the top and one level down, and masks numbers in messages', () => {
    let out = ''
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        out += chunk.toString()
        done()
      },
    })
    const logger = createLogger('test', sink)
    logger.info(
      { name: '王阿姨', phone: '13912345678', data: { name: '李伯伯' } },
      'sign-up from 13912345678',
    )
    expect(out).not.toContain('王阿姨')
    expect(out).not.toContain('李伯伯')
    expect(out).not.toContain('13912345678')
    expect(JSON.parse(out)).toMatchObject({ service: 'test', msg: 'sign-up from *******5678', level: 'info' })
  })
})
