import { readFileSync } from 'node:fs'
import path from 'node:path'
import { generate, parse, walk } from 'css-tree'
import { describe, expect, it } from 'vitest'

// The stylesheet is written in logical properties (start and end, not left and right), so every
// page reads correctly right to left when the document's direction is.

const PHYSICAL = /^(margin|padding|border)-(left|right)(-|$)|^(left|right)$|^border-(top|bottom)-(left|right)-radius$/
const PHYSICAL_VALUES = /^(float|clear|text-align)$/

describe('app/globals.css', () => {
  it('uses logical properties only, so pages mirror right to left', () => {
    const css = readFileSync(path.join(import.meta.dirname, 'globals.css'), 'utf8')
    const found: string[] = []
    walk(parse(css, { positions: true }), (node) => {
      if (node.type !== 'Declaration') return
      const property = node.property.toLowerCase()
      const value = generate(node.value)
      const line = node.loc?.start.line
      if (PHYSICAL.test(property)) found.push(`line ${line}: ${property}`)
      else if (PHYSICAL_VALUES.test(property) && /\b(left|right)\b/.test(value))
        found.push(`line ${line}: ${property}: ${value}`)
    })
    expect(found).toEqual([])
  })
})
