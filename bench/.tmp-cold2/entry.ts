import { SPAM_PHRASES } from '../../src/data/spam-phrases.js'
import { CAMPAIGN_DOMAINS } from '../../src/data/campaign-domains.js'
import { compilePhrase, createPhraseMatcher, type CompiledPhrase } from '../../src/rules/phrase-pattern.js'
import { hostSkeleton, skeleton } from '../../src/text/deobfuscate.js'
let phrases: CompiledPhrase[] = []
export const steps = {
  warm: () => skeleton('荒らし共栄圏 ＡＢＣ abc'),
  compile: () => { phrases = SPAM_PHRASES.map((p) => compilePhrase(p.pattern, p.blatant, p.campaign) as CompiledPhrase) },
  matcher: () => createPhraseMatcher(phrases),
  hosts: () => CAMPAIGN_DOMAINS.map((d) => hostSkeleton(d.domain)),
}
