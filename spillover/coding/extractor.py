"""Rule-based event coder over the dependency parse.

For every sentence, each verb or noun whose lemma is in the trigger lexicon
(with its required particles present: "shoot down", "call for") opens a
candidate event (:mod:`spillover.coding.triggers`; merged and refined by
:mod:`spillover.coding.candidates`). Its source and target are
read from the parse (:mod:`spillover.coding.arguments`: subject and object,
agent, target prepositions, a subject inherited from the governing clause),
then adjusted here for interceptions, demands, remarks and reciprocal verbs.

Each event records the pattern that fired (``coder``), the trigger and its
span, and a confidence combining the pattern's reliability, how well the
actors were resolved and the factuality hedges.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from spillover.actors.resolver import ActorIndex
from spillover.coding.appeals import ADDRESSED_APPEALS, appeal_speaker, demand_speaker
from spillover.coding.arguments import ArgumentReader
from spillover.coding.authors import (
    DECIDED_DEEDS,
    airspace_owners,
    attack_author,
    deed_author,
    destination_actors,
    foiled_target,
)
from spillover.coding.candidates import drop_redundant
from spillover.coding.clauses import (
    asked,
    background,
    clause_speakers,
    dedupe,
    infinitive_on_noun,
    is_purpose,
)
from spillover.coding.factuality import INFINITIVE_NOUNS, assess, phrasal_cue
from spillover.coding.intentions import IntentCodes
from spillover.coding.lexicon import FactualityCue, Lexicon
from spillover.coding.ontology import CameoTable
from spillover.coding.phrases import embassy_owners
from spillover.coding.purposes import denounced, requesting_states
from spillover.coding.remarks import remark_code
from spillover.coding.roles import (
    PASSIVE_SUBJECT_DEPS,
    bare_restatement,
    drop_denial_rejects,
    drop_subsumed,
    named_in_passing,
    phrase_actors,
)
from spillover.coding.series import (
    continued_deed,
    earlier_target,
    next_in_series,
    part_of_salvo,
    series_weapon,
    unclaimed_deed,
)
from spillover.coding.sides import (
    acts_on_itself,
    allied,
    between_sides,
    claimed_by,
    protested_attack,
    retold_by_doer,
    victims_only,
)
from spillover.coding.tellings import Tellings
from spillover.coding.triggers import Candidate, match_trigger, modal_demands
from spillover.coding.verdicts import is_verdict
from spillover.records import Actor, Event, Evidence

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

CODER_VERSION = "rules-v1"
#: Verbs whose coordinated subjects act on each other when no object is named.
RECIPROCAL = frozenset({"clash", "exchange", "fight", "meet", "talk", "negotiate", "agree", "sign", "trade",
                        "skirmish", "battle", "cooperate", "consult", "discuss", "reconcile", "share", "coordinate",
                        "collaborate"})
#: What a "protest" or "march" verb codes when a state organ alone does it, by its sector: a government
#: complains officially (CAMEO 114), troops marching somewhere mobilise (154).
STATE_PROTESTS: dict[str | None, tuple[str, str]] = {"GOV": ("114", "ACCUSE"), "MIL": ("154", "MOBILIZE")}
#: How many coordinated sources or targets one trigger codes ("Russia, Iran, Azerbaijan and Turkmenistan backed ...").
_MAX_SIDES = 5
#: CAMEO "provide military aid".
_MILITARY_AID = "072"
#: Weapons a defender stops in flight: a target-role row naming one is an interception ("destroyed the missile"),
#: unlike "came under fire", which happened.
_STOPPABLE = frozenset({"missile", "rocket", "drone", "uav", "projectile"})
#: Raw-score factors for what a deed leaves unnamed: its doer, its target, any side at all. Roles filled
#: later (:mod:`spillover.coding.dyad`) keep the factor: lifting it for a deed with no doer that took the
#: country of its place as target made such deeds outrank better readings in CASE 2021 snippets.
NO_SOURCE_FACTOR = 0.75
NO_TARGET_FACTOR = 0.85
ANONYMOUS_FACTOR = 0.4


class EventExtractor(Tellings):
    """Codes PLOVER/CAMEO events in parsed sentences."""

    def __init__(self, lexicon: Lexicon, cameo: CameoTable, intents: IntentCodes | None = None) -> None:
        """Hold the lexicon, the CAMEO table and the intention/refusal codes (loaded once by the caller).

        Without ``intents`` a promised or refused deed keeps the deed's own CAMEO code.
        """
        self.lexicon = lexicon
        self.cameo = cameo
        self.intents = intents
        self.arguments = ArgumentReader(lexicon)

    def extract(self, sent: Span, index: ActorIndex, doc_id: str, sentence_index: int) -> list[Event]:
        """Code every event in one sentence."""
        candidates = [c for tok in sent if (c := match_trigger(tok, self.lexicon)) is not None]
        candidates = drop_redundant(candidates)
        candidates.extend(modal_demands(sent, candidates))
        coded = [(cand, list(self._code(cand, sent, index, doc_id, sentence_index))) for cand in candidates]
        coded = [(cand, background(cand, evs, candidates)) for cand, evs in coded]
        coded = [(cand, asked(cand, evs, coded)) for cand, evs in coded]
        events = [ev for cand, evs in coded for ev in evs if not bare_restatement(cand, evs, coded)]
        events.extend(self._echoes(coded, index, sentence_index))
        events = dedupe(drop_denial_rejects(events))
        # a deed only named as the time frame of another, with no target, is not what later
        # sentences ("condemned the attack", "denied involvement") refer back to
        passing = {c.token.idx for c in candidates if named_in_passing(c.token)}
        index.events.extend(e for e in events if e.target is not None or e.evidence.anchor not in passing)
        return events

    # -- candidates -----------------------------------------------------
    # -- coding -----------------------------------------------------------
    def _code(
        self, cand: Candidate, sent: Span, index: ActorIndex, doc_id: str, sentence_index: int
    ) -> Iterator[Event]:
        tok, pattern = cand.token, cand.pattern
        if is_verdict(tok):  # "Azerbaijan said the strike was a violation of its sovereignty"
            sources, targets = self.arguments.verdict_roles(tok, index)
        elif pattern.pos == "VERB":
            sources, targets = self.arguments.verb_roles(tok, pattern, index)
        else:
            sources, targets = self.arguments.noun_roles(tok, pattern, index)
        cameo = pattern.cameo
        code = self.cameo.get(cameo)
        own_only = tok.pos_ == "NOUN" and tok.lemma_.lower() in INFINITIVE_NOUNS  # "put on combat readiness"
        own_cue = None if own_only else self.lexicon.cue(tok.lemma_.lower(), scope="head")
        if pattern.subject_role == "target":  # "shot down a missile": the phrasal cue, not "shoot" alone
            own_cue = phrasal_cue(tok, self.lexicon) or own_cue
            if own_cue is None and pattern.event_type == "ASSAULT" and _STOPPABLE & set(pattern.particles):
                # "the missile ... was destroyed by a Patriot battery": a weapon stopped, as if intercepted
                own_cue = self.lexicon.cue("intercept", scope="head")
        elif own_cue is None and pattern.event_type == "ASSAULT" and pattern.pos == "VERB":
            own_cue = self._stopped_weapon(tok)  # "fragments of an intercepted missile fell on farmland"
        # A trigger that is itself an attempt/plan cue ("interception", "plot") reports an
        # event that did not fully happen; speech acts (warn, deny) did happen as such.
        # a meeting or visit is a deed done at a time: "will meet next week" has not happened yet
        material = code.quad_class in (2, 4) or pattern.event_type == "CONSULT"
        # ... unless the pattern names the act itself: in "ordered a diplomat to leave" the order *is*
        # the expulsion, done when announced ("shot down" keeps its attempted status).
        directive = (
            pattern.pos == "VERB" and bool(pattern.particles) and own_cue is not None and own_cue.status == "planned"
        )
        self_status = (
            own_cue.status
            if own_cue is not None and material and own_cue.status in ("attempted", "planned") and not directive
            else None
        )
        if pattern.subject_role == "target":
            # "NATO intercepted an Iranian missile" / "a missile was intercepted by NATO":
            # the grammatical agent is the one acted on, the weapon's owner attacked.
            sources, targets = targets, sources
            if not sources:  # "its troops had come under fire from Armenian positions": whence the fire came
                sources = phrase_actors(tok, tuple(p for p in pattern.source_preps if p != "by"), index)
            if not sources and pattern.event_type == "THREATEN":  # "Katz said the group would pay a heavy price"
                sources = clause_speakers(tok, index)
            if not sources:  # "shot down an unmanned aircraft that entered Turkish airspace from Iran"
                weapons = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
                told = [r for w in weapons for r in w.children if r.dep_ in ("relcl", "acl")]
                sources = [a for r in told for a in phrase_actors(r, ("from",), index)]
            aimed_at = destination_actors(tok, index)
            if aimed_at:  # "a missile heading towards Türkiye was intercepted": the attack was on Türkiye
                targets = aimed_at
                # "intercepted a missile over eastern Turkey": where it flew is not whose it was
                sources = [a for a in sources if a.country not in {t.country for t in aimed_at}]
            elif targets and not any(a.country for a in targets):
                # "NATO air defences destroyed a missile ... over Turkish airspace": an alliance defends a
                # member; the attack was on the country whose sky it crossed
                owners = [a for a in airspace_owners(sent, index, tok) if a.country not in {s.country for s in sources}]
                # with no such sky named ("destroyed over the eastern Mediterranean by a NATO interceptor"),
                # the alliance is still only the defender: the report's own sides say whom it was aimed at
                targets = owners
        if not sources and pattern.event_type == "ACCUSE" and any(c.dep_ == "nsubj" for c in tok.children):
            sources = clause_speakers(tok, index)  # "said the attack bore the hallmarks of a group linked to Iran"
        fact = assess(tok, self.lexicon, self_status=self_status, material=material)
        if code.quad_class == 4 and fact.status == "occurred" and (is_purpose(tok) or infinitive_on_noun(tok)):
            fact = replace(fact, status="planned", cue="to")  # "recruited by the IRGC to sabotage the pipeline"
        if pattern.event_type == "MOBILIZE" and fact.order:
            fact = replace(fact, status="occurred")  # "ordered the army onto full combat readiness": so it is
        if fact.status == "negated" and material and not fact.refusal:
            sources, fact = self._denial(tok, index, sources, fact)
        announced = ""
        if pattern.event_type == "ASSAULT" and not sources and targets and fact.status == "occurred":
            sources = self._announcer(tok, index, targets)
            announced = "+speaker" if sources else ""
        doers = {a.country for a in sources}
        if pattern.event_type == "ASSAULT" and fact.status in ("planned", "attempted") and not any(
            a.country and a.country not in doers for a in targets
        ):  # "had thwarted a plan to sabotage the pipeline": aimed at whoever stopped it
            targets = foiled_target(tok, index, self.arguments.inherited_subject) or targets
        mode, event_type = pattern.mode, pattern.event_type
        remark = remark_code(tok, pattern, index)
        if remark is not None:
            # "voiced concern about the escalation" (012), "agree with the NCAA that ..." (019): a remark
            cameo, code, mode = remark, self.cameo.get(remark), None
            event_type = self.cameo.plover(remark)[0] or event_type
        if event_type == "MOBILIZE" and len({a.country for a in sources}) > 1:
            # "Azerbaijani and Turkish forces held an exercise in Nakhchivan": the host joins in, it is no target
            targets = [t for t in targets if t.country not in {a.country for a in sources}]
        askers = requesting_states(tok, index) if event_type == "MOBILIZE" else []
        if askers and (not targets or {a.country for a in askers} & {t.country for t in targets}):
            # "deployed an air defence system to Nakhchivan at the request of Azerbaijan": forces sent to help the
            # side that asked for them are military aid to it, not a posture against it
            cameo, event_type, mode = _MILITARY_AID, "AID", None
            code = self.cameo.get(cameo)
            targets = targets or askers
        if event_type == "PROTEST" and not targets:
            targets = denounced(tok, index)  # "rallied ... to condemn the Iranian drone attacks": against Iran
        sectors = {a.sector for a in sources}
        if event_type == "PROTEST" and pattern.pos == "VERB" and len(sectors) == 1 and sectors <= STATE_PROTESTS.keys():
            # "Ankara summoned Iran's ambassador to protest", "government forces marched deeper into ...":
            # a state that protests or marches does so officially, or advances its troops
            cameo, event_type = STATE_PROTESTS[sectors.pop()]
            code = self.cameo.get(cameo)
            mode = code.plover_mode
        demand = False
        if self.intents is not None and fact.status in ("occurred", "planned") and self.intents.code_for(
            cameo, "demand"
        ):
            speaker = demand_speaker(tok)
            # "the EU called for sanctions against Uganda": an appeal is a demand whoever it names
            appeal = appeal_speaker(tok) if speaker is None else None
            if appeal is not None and code.quad_class not in (3, 4) and appeal.lemma_.lower() not in ADDRESSED_APPEALS:
                appeal = None  # "called for talks" is coded by its own lexicon rows; "expected X to apologise" is not
            speaker = speaker or appeal
            speakers = self.arguments.speaker_actors(speaker, index) if speaker is not None else []
            addressed = sources or targets  # "Israel must end attacks on Syria": Israel is asked
            if appeal is not None:  # nobody appeals to itself
                addressed = [a for a in addressed if a.code not in {s.code for s in speakers}]
            own_resolve = {a.code for a in speakers} == {a.code for a in addressed}
            if speaker is not None and (appeal is not None or not own_resolve):
                demand, sources, targets = True, speakers, addressed
        readied = any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in tok.children)
        if event_type == "MOBILIZE" and targets and not sources and readied:
            sources, targets = targets, []  # "the army was put on high alert": the forces readied mobilize
        inferred = announced
        continued = event_type == "COERCE" and mode is not None and readied and not targets
        series = event_type == "ASSAULT" and next_in_series(tok, pattern.subject_role == "target")
        if not sources and (continued or series):
            # "A second drone exploded near a school", "shot down a second drone": the series' first one
            # had a doer and a target; a target named here must be that one's
            wanted_mode, wanted_status = (mode, fact.status) if continued else (None, None)
            prior = continued_deed(
                index.events, event_type, wanted_mode, wanted_status, sentence_index, mode, series_weapon(tok)
            )
            if prior is not None and prior.source is not None:
                hit = {a.country for a in targets if a.country}  # "air defence units": whose is not known here
                # "Qatar's air defences intercepted most of the missiles": whoever fired them, at whatever target
                intercepted = pattern.subject_role == "target"
                # "the Israeli military said most of the missiles had been intercepted", with no interceptor named,
                # retells the salvo told before: not an event of its own ("the missile was intercepted" is that one)
                retold = intercepted and not targets and part_of_salvo(tok)
                if not retold and (intercepted or not hit or prior.target is None or hit == {prior.target.country}):
                    earlier = [prior.target] if prior.target is not None else []
                    sources, targets, inferred = [prior.source], targets or earlier, "+anaphora"
            elif prior is None and series and not targets and (first := unclaimed_deed(
                index.events, event_type, sentence_index
            )) is not None and first.target is not None:
                # "a drone struck the airport ... A second drone came down near a school": by whoever sent the
                # first, unnamed in both, at the side the first one hit
                targets, inferred = [first.target], "+anaphora"
        if sources and not targets and series and pattern.subject_role != "target":
            struck = earlier_target(index.events, event_type, sentence_index, mode, {a.country for a in sources})
            targets, inferred = ([struck], "+anaphora") if struck is not None else (targets, inferred)
        trigger_text = sent.doc[tok.i : cand.end].text
        # A protest needs no named side to have happened ("demonstrations spread to six towns"): crowds are
        # rarely named, so only the missing source and target weigh, not the lack of any named side.
        anonymous = 1.0 if sources or targets or event_type == "PROTEST" else ANONYMOUS_FACTOR
        resolved = (1.0 if sources else NO_SOURCE_FACTOR) * (1.0 if targets else NO_TARGET_FACTOR) * anonymous
        confidence = max(0.0, min(1.0, pattern.weight * resolved * fact.factor))
        is_attack = self.arguments.is_attack
        victims = bool(targets) and event_type == "ACCUSE" and victims_only(tok, index, is_attack)
        if event_type == "ACCUSE" and sources and (not targets or victims):
            home = {a.country for a in sources if a.country}
            author = attack_author(tok, index, is_attack, home, sentence_index, self.arguments.attack_mode)
            if author is None and not victims:  # "called the sanctions illegal": whoever imposed them
                author = deed_author(tok, index, self._measure_type, home)
            if author is not None:  # "the EU condemned the strike on the airport": whoever struck
                targets, inferred = [author], "+anaphora"
            elif victims:  # the place struck is not the one condemned; better no target than the victim
                targets = []
        elif event_type == "PROTEST" and protested_attack(tok, is_attack):
            # "gathered outside the Iranian embassy to protest against the drone strike on Nakhchivan": the
            # protest is against whoever struck (or whose embassy it besieges), not against the place struck
            home = {a.country for a in sources if a.country}
            author = attack_author(tok, index, is_attack, home, sentence_index, self.arguments.attack_mode)
            targets = [author] if author is not None else embassy_owners(tok, index)
        elif event_type == "SUPPORT" and sources and not targets:
            own = {a.country for a in sources}
            author = deed_author(tok, index, self.arguments.deed_type, own)
            if author is not None:  # "Lithuania welcomed the sanctions": whoever imposed them
                targets, inferred = [author], "+anaphora"
        sources, targets = drop_subsumed(sources), drop_subsumed(targets)
        pairs: list[tuple[Actor | None, Actor | None]]
        joint = any(c.dep_ == "amod" and c.lower_ in ("joint", "bilateral") for c in tok.children)
        # "talks between Washington and Tehran", "clashes between Armenian and Azerbaijani troops": the sides
        # named act on each other (a riot's rioters are its source, whichever side is named first)
        between = not sources and len(targets) >= 2 and event_type != "PROTEST" and between_sides(tok)
        if between:
            sources, targets = targets, []
        if joint and len(sources) >= 2 and event_type == "COOPERATE":
            targets = []  # "agreed to hold joint drills near the border with Iran": the partners, not the one faced
        mutual = len(sources) >= 2 and bool(targets) and {a.country for a in targets} <= {a.country for a in sources}
        # only cooperation: "agreed to investigate the Nakhchivan attack together" accuses neither of the two
        mutual = mutual and code.quad_class in (1, 2)
        if mutual:  # "Saudi Arabia and Iran restored a hotline between their defence ministries": each to the other
            targets = []
        if len(sources) >= 2 and not targets and (between or tok.lemma_.lower() in RECIPROCAL or joint or mutual):
            # "Kyrgyz and Tajik guards exchanged fire", "Hungary and Romania agreed", "Turkish and Azerbaijani
            # troops began joint exercises": each side acts on the other
            # "Pakistani and Afghan Taliban forces": the Taliban are Afghanistan's side, not its opponent
            pairs = [(a, b) for a in sources[:3] for b in sources[:3] if a is not b and not allied(a, b)]
        else:
            src_options: list[Actor | None] = list(sources[:_MAX_SIDES]) or [None]
            tgt_options: list[Actor | None] = list(targets[:_MAX_SIDES]) or [None]
            pairs = [(s_, t_) for s_ in src_options for t_ in tgt_options]
        span = (sent.start_char, sent.end_char)
        token_span = (tok.idx, tok.idx + len(tok.text))
        last = sent.doc[cand.end - 1]
        trigger_span = (tok.idx, last.idx + len(last.text))
        for source, target in pairs:
            target_final = None if acts_on_itself(source, target) else target
            event = Event(
                id=Event.id_for(doc_id, token_span, pattern.event_type, trigger_text, source, target_final),
                doc_id=doc_id,
                event_type=event_type,
                evidence=Evidence(
                    sentence=sent.text,
                    span=span,
                    trigger=trigger_text,
                    coder=f"{CODER_VERSION}:{pattern.pos.lower()}:{pattern.pattern}{inferred}",
                    sentence_index=sentence_index,
                    trigger_span=trigger_span,
                ),
                mode=mode,
                context=code.contexts,
                cameo=cameo,
                quad_class=code.quad_class,
                intensity=code.goldstein,
                source=source,
                target=target_final,
                status=fact.status,
                confidence=round(confidence, 3),
            )
            if self.intents is not None:
                retold = event_type == "ASSAULT" and fact.status == "occurred" and retold_by_doer(tok, source, index)
                if retold:  # "said its fighters carried out the attack": a claim of the attack told before
                    event = replace(event, status="alleged", target=None)
                claim = retold or (fact.status == "alleged" and claimed_by(tok, source, index))
                event = self.intents.recode(event, fact, demand=demand, claim=claim)
            yield event

    def _stopped_weapon(self, verb: Token) -> FactualityCue | None:
        """The attempt cue on a weapon told as the verb's subject ("an intercepted missile", "a downed drone").

        The weapon fell or crashed because it was stopped: the attack was attempted, not done.
        """
        for subject in verb.children:
            if subject.dep_ not in ("nsubj", "nsubjpass"):
                continue
            parts = [o for p in subject.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
            for weapon in (subject, *parts):
                if weapon.lemma_.lower() not in _STOPPABLE:
                    continue
                for mod in weapon.children:
                    cue = self.lexicon.cue(mod.lemma_.lower(), scope="head") if mod.dep_ in ("amod", "acl") else None
                    if cue is not None and cue.status == "attempted":
                        return cue
        return None

    def _measure_type(self, tok: Token) -> str | None:
        """The type of a measure an accusation can be about ("the sanctions"), not of an attack or a statement."""
        kind = self.arguments.deed_type(tok)
        return kind if kind in DECIDED_DEEDS else None
