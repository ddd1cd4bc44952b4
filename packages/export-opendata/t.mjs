import { create, createCB } from "xmlbuilder2"

const chunks = []
const x = createCB({ data: (c) => chunks.push(c) })
x.ele("a").att("b", "&amp; &lt; x").txt("&amp; &#38; &foo; &").up().end()
console.log(chunks.join(""))
console.log(create().ele("a").att("b", "&amp;").txt("&amp; &").end())
