"""Temporal expressions: TimeML extents, TIMEX3 values against the publication date.

Gold cases are data: (id, why, published, sentence, expected text, type, value).
The sentences are written for these tests. Publication date, unless a case
says otherwise: Wednesday 10 March 2021 (ISO week 10).
"""

from __future__ import annotations

import re

import pytest

from newsevents.extract.times import extract_times
from newsevents.extract.timex.amounts import period
from newsevents.extract.timex.calendar import Point, parse_value
from newsevents.extract.timex.grammar import compile_rules, expand, find_candidates, first_chars
from newsevents.extract.timex.values import VALUERS, check_rules
from newsevents.extract.timex.vocab import Vocabulary
from newsevents.lexicon import load_lexicon
from newsevents.records import Article, Dateline, TimeExpression

PUB = "2021-03-10"

FOUND = [
    ("has-scheduled", "a present perfect of scheduling: the event lies ahead", PUB,
     "The mayor has scheduled a news conference Friday to announce the plan.",
     "Friday", "DATE", "2021-03-12"),
    ("vbp-singular", "'hurt' after a singular subject is a past, not a present", PUB,
     "Weakness in bank shares hurt the index, which fell 2% on Monday.",
     "Monday", "DATE", "2021-03-08"),
    # explicit dates in the common news forms
    ("mdy", "month, day and year", PUB, "The treaty was signed on Feb. 3, 1997, in Lisbon.",
     "Feb. 3, 1997", "DATE", "1997-02-03"),
    ("dmy", "day before month", PUB, "Elections were held on 14 May 2019 across the country.",
     "14 May 2019", "DATE", "2019-05-14"),
    ("month-names-thing", "a month naming a thing: the nearest, not the infinitive's future",
     PUB, "The bank is still trying to sell itself under a December agreement with investors.",
     "December", "DATE", "2020-12"),
    ("month-names-thing-past", "a month naming a thing in a past clause lies behind", PUB,
     "Police have gathered evidence in the September killing of a farmer.",
     "September", "DATE", "2020-09"),
    ("dm-past", "no year, past: this year's", PUB, "The ferry sank on 8 January near the coast.",
     "8 January", "DATE", "2021-01-08"),
    ("md-ordinal", "no year, ahead", PUB, "The strike will start on April 12th at dawn.",
     "April 12th", "DATE", "2021-04-12"),
    ("md-last-year", "no year, past tense, months ahead: last year's", PUB,
     "The pipeline burst on Nov. 20, flooding two villages.", "Nov. 20", "DATE", "2020-11-20"),
    ("year", "a bare year", PUB, "The dam was finished in 1968 by a state company.",
     "1968", "DATE", "1968"),
    ("decade", "a decade", PUB, "Rents doubled during the 1980s in the capital.",
     "the 1980s", "DATE", "198"),
    ("mid-year", "a modifier stays in the extent", PUB, "The mine should reopen by mid-2022.",
     "mid-2022", "DATE", "2022"),
    ("early-month", "early + month", PUB, "Planting begins in early April this time.",
     "early April", "DATE", "2021-04"),
    ("quarter-past", "a quarter not yet reached, past tense: last year's", PUB,
     "Exports fell sharply in the third quarter, the agency said.",
     "the third quarter", "DATE", "2020-Q3"),
    ("quarter-named", "a quarter with its year", PUB,
     "Sales rose 4% in the first quarter of 2019.", "the first quarter of 2019", "DATE", "2019-Q1"),
    ("last-half", "'the last half' of a year is its second half", PUB,
     "Profit should recover in the last half of 2021.", "the last half of 2021", "DATE",
     "2021-H2"),
    ("half-of-the-year", "'the first half of the year': the publication year's", PUB,
     "Hiring should pick up in the first half of the year.", "the first half of the year",
     "DATE", "2021-H1"),
    ("latter-half", "'the latter half' is the second", PUB,
     "Tourism collapsed in the latter half of last year.", "the latter half of last year",
     "DATE", "2020-H2"),
    ("last-quarter-of-year", "'the last quarter' of a named year is its fourth", PUB,
     "Deliveries slowed in the last quarter of 2019.", "the last quarter of 2019", "DATE",
     "2019-Q4"),
    ("final-quarter-rel", "'the final quarter of last year'", PUB,
     "The airline lost money in the final quarter of last year.",
     "the final quarter of last year", "DATE", "2020-Q4"),
    ("that-night", "'that night': the night of the last date mentioned", PUB,
     "Troops entered the town on March 2. That night, the rebels attacked.", "That night",
     "TIME", "2021-03-02TNI"),
    ("bare-season", "a season without 'the' after a preposition", "2021-11-20",
     "The region must store fuel before winter.", "winter", "DATE", "2021-WI"),
    ("season-ahead-over", "a season already over this year, told of the future: next year's",
     "2021-11-20", "Talks will resume in the spring.", "the spring", "DATE", "2022-SP"),
    ("since-month", "'since April' read in March: last April, whatever the leeway", PUB,
     "The economy has grown since April.", "April", "DATE", "2020-04"),
    ("since-month-day", "'since March 20' read on March 10: last year's", PUB,
     "He has been held since March 20.", "March 20", "DATE", "2020-03-20"),
    ("day-before-yesterday", "'the day before yesterday' is one day, two back", PUB,
     "The day before yesterday, the minister resigned.", "The day before yesterday", "DATE",
     "2021-03-08"),
    ("day-after-tomorrow", "'the day after tomorrow' is two days ahead", PUB,
     "The court rules the day after tomorrow.", "the day after tomorrow", "DATE", "2021-03-12"),
    ("the-season-of-rel-year", "'the' opens 'the spring of last year'", PUB,
     "He was appointed in the spring of last year.", "the spring of last year", "DATE",
     "2020-SP"),
    ("same-day-of-month", "'that same day' after a month: its day unknown", PUB,
     "He fled in October 2019. His name was struck off the list that same day.",
     "that same day", "DATE", "2019-10-XX"),
    ("holiday-weekend", "a Monday holiday's weekend is the one before it", PUB,
     "Traffic jams marked the Memorial Day weekend.", "the Memorial Day weekend", "DATE",
     "2020-W21-WE"),
    ("easter-weekend", "Easter's weekend is its own week's", PUB,
     "The truce will hold through Easter weekend.", "Easter weekend", "DATE", "2021-W13-WE"),
    ("fiscal-year-ended", "'the fiscal year ended Jan. 31' is a year's length, as 'the year'",
     PUB, "In the fiscal year ended Jan. 31, the chain reported higher sales.",
     "the fiscal year", "DURATION", "P1Y"),
    ("plain-past-month", "a plain past verb's own month ahead of publication: last year's",
     PUB, "The company changed its name in April.", "April", "DATE", "2020-04"),
    ("will-month-behind", "a 'will' verb's own month just behind publication: next year's",
     PUB, "The new terminal will open in February.", "February", "DATE", "2022-02"),
    ("would-month-behind", "a 'would' may be a future told in the past: the nearer month", PUB,
     "He said in January that the terminal would open in February.", "February", "DATE",
     "2021-02"),
    ("warned-of-month", "'warned of strikes in April': the strikes' month, still ahead", PUB,
     "The union warned of further strikes in April.", "April", "DATE", "2021-04"),
    ("century", "an ordinal century", PUB, "The fort was built in the 19th century.",
     "the 19th century", "DATE", "18"),
    # weekdays resolved by the tense of their clause
    ("weekday-past", "past tense: on or before publication", PUB,
     "The minister resigned on Monday after a week of protests.", "Monday", "DATE", "2021-03-08"),
    ("weekday-future", "will: the coming one", PUB, "The council will vote on Friday.",
     "Friday", "DATE", "2021-03-12"),
    ("weekday-present", "present tense: the coming one", PUB,
     "The festival runs until Sunday in the old town.", "Sunday", "DATE", "2021-03-14"),
    ("weekday-limit", "'as early as': a limit still ahead, whatever the modal", PUB,
     "The father could arrive as early as Monday.", "Monday", "DATE", "2021-03-15"),
    ("weekday-planned", "a planned event lies ahead", PUB,
     "Protesters planned a large rally on Saturday.", "Saturday", "DATE", "2021-03-13"),
    ("weekday-deadline-past", "a deadline told in the past tense has passed", PUB,
     "Most holders tendered their shares by the Monday deadline.", "Monday", "DATE",
     "2021-03-08"),
    ("month-perfect-progressive", "'have been searching since': past", PUB,
     "Police have been searching for him since the Aug. 20 attack.", "Aug. 20", "DATE",
     "2020-08-20"),
    ("weekday-possessive", "a possessive weekday reports the past", PUB,
     "Monday's vote was closer than expected.", "Monday", "DATE", "2021-03-08"),
    ("weekday-same-day", "the publication weekday in the past tense is that day", PUB,
     "The court ruled on Wednesday that the law stands.", "Wednesday", "DATE", "2021-03-10"),
    ("last-weekday", "last + weekday: strictly before", PUB, "She landed in Quito last Wednesday.",
     "last Wednesday", "DATE", "2021-03-03"),
    # relative and anchored expressions
    ("last-year", "", PUB, "Exports grew by a fifth last year.", "last year", "DATE", "2020"),
    ("last-month", "", PUB, "The mayor was elected last month.", "last month", "DATE", "2021-02"),
    ("this-week", "an ISO week", PUB, "Talks resume this week in Geneva.",
     "this week", "DATE", "2021-W10"),
    ("next-month", "", PUB, "The new line opens next month.", "next month", "DATE", "2021-04"),
    ("month-of-this-year", "month of this year", PUB,
     "The two leaders last met in September of this year's first round.",
     "September of this year", "DATE", "2021-09"),
    ("weekend", "the weekend before publication, no preposition", PUB,
     "Fighting flared over the weekend near the border.", "the weekend", "DATE", "2021-W09-WE"),
    ("days-later", "anchored on the date mentioned before", PUB,
     "The fire broke out on March 2. Three days later, the roads reopened.",
     "Three days later", "DATE", "2021-03-05"),
    ("ago", "ago counts from publication", PUB, "The mill closed two years ago.",
     "two years ago", "DATE", "2019"),
    ("year-earlier", "a year earlier than the quarter discussed", PUB,
     "Output rose in the second quarter of 2020, up 5% from a year earlier.",
     "a year earlier", "DATE", "2019-Q2"),
    ("holiday", "a named day, past tense", PUB, "Fireworks were banned on New Year's Day.",
     "New Year's Day", "DATE", "2021-01-01"),
    ("holiday-movable", "Easter, computed", PUB, "The shrine will reopen at Easter.",
     "Easter", "DATE", "2021-04-04"),
    ("month-year-words", "a month with its year said in words (transcripts)", PUB,
     "Prices peaked in January nineteen ninety-seven.", "January nineteen ninety-seven",
     "DATE", "1997-01"),
    ("season-year-words", "a season of a year in words, its article kept", PUB,
     "The talks failed in the winter of nineteen ninety-four.",
     "the winter of nineteen ninety-four", "DATE", "1994-WI"),
    ("holiday-week", "a holiday's week is the ISO week holding it", PUB,
     "Pilgrims will crowd the city in Easter week.", "Easter week", "DATE", "2021-W13"),
    # parts of day, seasons
    ("weekday-night", "weekday + part of day", PUB, "Rescuers reached the town on Tuesday night.",
     "Tuesday night", "TIME", "2021-03-09TNI"),
    ("this-morning", "this + part of day", PUB, "The talks resumed this morning.",
     "this morning", "TIME", "2021-03-10TMO"),
    ("clock", "a clock time with its day", PUB, "The blast happened at 9:15 a.m. Monday.",
     "9:15 a.m. Monday", "TIME", "2021-03-08T09:15"),
    ("next-spring", "next + season", PUB, "The bridge will open next spring.",
     "next spring", "DATE", "2022-SP"),
    ("last-summer", "last + season", PUB, "Wildfires spread last summer.",
     "last summer", "DATE", "2020-SU"),
    # durations
    ("and-a-half-before-unit", "'two and a half weeks' is one length", PUB,
     "The strike lasted two and a half weeks.", "two and a half weeks", "DURATION", "P2W4D"),
    ("hyphen-duration", "a number-unit adjective", PUB, "Workers began a two-week strike.",
     "two-week", "DURATION", "P2W"),
    ("approx-duration", "modifiers stay in the extent", PUB, "The talks lasted nearly five hours.",
     "nearly five hours", "DURATION", "PT5H"),
    ("vague-duration", "a vague amount: X", PUB,
     "Prices have climbed over the past few months.", "the past few months", "DURATION", "PXM"),
    ("couple-of", "'a couple of' is two", PUB, "The repairs will take a couple of years.",
     "a couple of years", "DURATION", "P2Y"),
    ("next-couple-of", "'couple of' without its article is two as well", PUB,
     "Over the next couple of years the fleet will shrink.", "the next couple of years",
     "DURATION", "P2Y"),
    ("couple-of-later", "'a couple of days later' counts two days", PUB,
     "The fire broke out on March 2. A couple of days later, the roads reopened.",
     "A couple of days later", "DATE", "2021-03-04"),
    ("less-than", "less than a year", PUB, "The company collapsed in less than a year.",
     "less than a year", "DURATION", "P1Y"),
    ("half", "a fraction", PUB, "The crossing took 2 1/2 hours.", "2 1/2 hours", "DURATION",
     "PT2H30M"),
    # sets
    ("every-weekday", "every + weekday", PUB, "The market opens every Saturday.",
     "every Saturday", "SET", "XXXX-WXX-6"),
    ("weekly", "a frequency adverb", PUB, "The magazine now appears weekly.",
     "weekly", "SET", "P1W"),
    ("twice-a-year", "times a unit", PUB, "Inspectors visit the plant twice a year.",
     "twice a year", "SET", "P1Y"),
    ("every-quarter", "every quarter recurs like 'quarterly'", PUB,
     "The board meets every quarter.", "every quarter", "SET", "P1Q"),
    ("per-amount", "an amount a year is a rate", PUB, "The port earns $4 million a year.",
     "a year", "SET", "P1Y"),
    # vague references
    ("then-current", "'then current' is a time before the present", PUB,
     "Holders could buy shares at half the then current market price.",
     "then current", "DATE", "PAST_REF"),
    ("now", "", PUB, "Prices are now stable.", "now", "DATE", "PRESENT_REF"),
    ("currently", "", PUB, "The mine currently employs 900 people.",
     "currently", "DATE", "PRESENT_REF"),
    ("recently", "", PUB, "The mayor recently visited the camp.", "recently", "DATE", "PAST_REF"),
    ("the-past", "no leading preposition", PUB, "In the past, floods were rarer.",
     "the past", "DATE", "PAST_REF"),
    ("soon", "", PUB, "A decision is expected soon.", "soon", "DATE", "FUTURE_REF"),
    ("today", "today as a day", PUB, "The court rules today on the appeal.", "today", "DATE",
     PUB),
    ("range", "a range of days: the first day", PUB, "The fair runs on April 27-29 in Kigali.",
     "April 27-29", "DATE", "2021-04-27"),
    ("future", "", PUB, "Nobody can say what the future holds.", "the future", "DATE",
     "FUTURE_REF"),
    # without a publication date: unresolved values, never guessed
    ("unknown-weekday", "no publication date", None, "The envoy arrived on Tuesday.",
     "Tuesday", "DATE", "XXXX-WXX-2"),
    ("unknown-last-year", "no publication date", None, "Exports grew last year.",
     "last year", "DATE", "XXXX"),
    ("unknown-last-month", "no publication date", None, "The mayor was elected last month.",
     "last month", "DATE", "XXXX-XX"),
    ("unknown-day-month", "no publication date", None, "The ferry sank on 3 June.",
     "3 June", "DATE", "XXXX-06-03"),
    ("clock-zone", "a 24-hour clock before its zone", PUB,
     "The quake struck at 0310 GMT, officials said.", "0310 GMT", "TIME", "2021-03-10T03:10"),
    ("clock-then-weekday", "a clock time takes the weekday named after it", PUB,
     "The polls closed at 8 p.m. on Monday.", "8 p.m.", "TIME", "2021-03-08T20:00"),
    ("mid-afternoon-spaced", "'mid afternoon' spelt as two words", PUB,
     "By mid afternoon the police had sealed the square.", "mid afternoon", "TIME",
     "2021-03-10TAF"),
    ("overnight", "'overnight' in the past: the night before publication", PUB,
     "Rebels shelled the town overnight.", "overnight", "TIME", "2021-03-09TNI"),
    ("weekday-conjoined", "a verb conjoined to a future one is future", PUB,
     "Shops will stay closed on Thursday and reopen on Monday.", "Monday", "DATE", "2021-03-15"),
    ("clock-range-weekday", "both ends of a clock range take the weekday after it", PUB,
     "The site was closed from noon until 5 p.m. on Sunday.", "noon", "TIME",
     "2021-03-07T12:00"),
    ("plural-lasted", "a bare plural after 'lasted'", PUB,
     "Such pauses have lasted weeks rather than months.", "months", "DURATION", "PXM"),
    ("week-of", "the week of a day", PUB, "The trial resumes the week of March 22.",
     "the week of March 22", "DATE", "2021-W12"),
    ("quarter-a-year-ago", "the quarter discussed, a year back", PUB,
     "Profit rose in the fourth quarter from the quarter a year ago.", "the quarter a year ago",
     "DATE", "2019-Q4"),
    ("period-last-year", "the corresponding period last year", PUB,
     "Sales in the fourth quarter beat the corresponding period last year.",
     "the corresponding period last year", "DATE", "2019-Q4"),
    ("long-compound", "a '-long' compound is a duration", PUB,
     "The 10-year-long war ended.", "10-year-long", "DURATION", "P10Y"),
    ("long-vague", "a plural '-long' compound is a vague duration", PUB,
     "The decades-long feud ended.", "decades-long", "DURATION", "PXY"),
    ("the-year-anaphor", "'for the year' is the publication year", PUB,
     "For the year, volume was flat.", "the year", "DATE", "2021"),
    ("clock-comma-date", "a clock time with its date after a comma", PUB,
     "Bids are due by 5 p.m. EST, March 22, the agency said.", "5 p.m. EST, March 22", "TIME",
     "2021-03-22T17:00"),
    ("year-period", "'the 2019 period': the quarter discussed, in that year", PUB,
     "Profit rose in the fourth quarter from the 2019 period.", "the 2019 period", "DATE",
     "2019-Q4"),
    ("reported-quarter-kept", "an earlier quarter named in passing is not the one reported",
     PUB, "Profit rose in the fourth quarter. After a weak third quarter, margins recovered, "
     "and costs fell from a year ago.", "a year ago", "DATE", "2019-Q4"),
    ("reported-quarter-period", "'the 2019 period' does not become the quarter reported", PUB,
     "Sales rose in the fourth quarter from the 2019 period. The quarter ended Dec. 31.",
     "The quarter", "DATE", "2020-Q4"),
    ("reported-quarter-fiscal", "a fiscal quarter is another report, on its own calendar", PUB,
     "Profit rose in the fourth quarter. A rival posted a loss for the fiscal second quarter, "
     "down from a year earlier.", "a year earlier", "DATE", "2019-Q2"),
    ("months-span-year-earlier", "'a year earlier' after 'the first nine months' is that year",
     PUB, "Profit rose in the fourth quarter. For the first nine months, sales grew 8% from a "
     "year earlier.", "a year earlier", "DATE", "2019"),
    ("extended-through", "a verb that moves an end names it ahead: 'extended ... through'",
     PUB, "The bank has extended the loans through January, the company said.", "January",
     "DATE", "2022-01"),
    ("election-day", "US Election Day: the Tuesday after the first Monday of November",
     "2022-09-01", "The senator will campaign hard until Election Day.", "Election Day",
     "DATE", "2022-11-08"),
    ("ordinal-day-today", "'today is the fifth day of' names the publication date", PUB,
     "In the capital, today is the fifth day of the strike by port workers.",
     "the fifth day", "DATE", "2021-03-10"),
    ("ordinal-day-it-is", "'it's the third day of' names the publication date", PUB,
     "It's the third day of protests outside the ministry.", "the third day", "DATE",
     "2021-03-10"),
    ("the-n-units", "the determiner of 'the nine months' is in the extent", PUB,
     "For the nine months, the company earned $4 million.", "the nine months", "DURATION",
     "P9M"),
    ("hyphenated-quarter", "'the' of 'the third-quarter loss' is the noun's, not the time's",
     PUB, "Analysts blamed the third-quarter loss on costs.", "third-quarter", "DATE",
     "2020-Q3"),
    ("vague-compound", "a vague count joined to a unit: 'a several-year tenure'", PUB,
     "She returns after a several-year posting abroad.", "several-year", "DURATION", "PXY"),
    ("trading-days", "trading days are days", PUB,
     "Five trading days after the vote, the index had recovered.", "Five trading days",
     "DURATION", "P5D"),
    ("first-units-of", "'the first hours of' a war is a vague duration", PUB,
     "Hundreds fled in the first hours of the flood.", "the first hours", "DURATION", "PTXH"),
    ("vague-span", "'for a while' is a duration of unsaid length", PUB,
     "The town will be without power for a while.", "a while", "DURATION", "PXX"),
    ("fiscal-quarter-extent", "'fiscal' before the ordinal is in the quarter's extent", PUB,
     "The airline said profit rose 30% in the fiscal second quarter of 2020.",
     "the fiscal second quarter of 2020", "DATE", "2020-Q2"),
    ("only-outside", "'only' and 'just' focus the phrase, they do not measure the time", PUB,
     "The ceasefire lasted only six months.", "six months", "DURATION", "P6M"),
    ("just-outside", "'just a decade ago' is 'a decade ago'", PUB,
     "Just a decade ago the port was empty.", "a decade ago", "DATE", "2011"),
    ("this-past", "'this past' is one relation: the last such time", PUB,
     "Crowds were thin this past weekend.", "this past weekend", "DATE", "2021-W09-WE"),
    ("this-coming", "'this coming' is one relation: the next such time", PUB,
     "The council votes this coming Monday.", "this coming Monday", "DATE", "2021-03-15"),
    ("or-so", "'or so' belongs to the extent, and 'the past year or so' stays a duration",
     PUB, "Prices have risen over the past year or so.", "the past year or so", "DURATION",
     "P1Y"),
    ("weekday-deadline", "'by Monday' lies ahead even when told in the past", PUB,
     "The court ordered that he be returned by Monday.", "Monday", "DATE", "2021-03-15"),
    ("weekday-deadline-perfect", "a perfect puts 'by Monday' behind", PUB,
     "Only two members had filed their reports by Monday.", "Monday", "DATE", "2021-03-08"),
    ("weekday-until-past", "'until' in a past clause: over", PUB,
     "Storms prevented a tow until Monday.", "Monday", "DATE", "2021-03-08"),
    ("weekday-postponed-until", "postponing until a day names one still ahead", PUB,
     "Officials postponed until Monday any decision on the permit.", "Monday", "DATE",
     "2021-03-15"),
    ("clock-given-until", "'given until 9 a.m. Friday': a deadline ahead", PUB,
     "The agency has given the family until 9 a.m. Friday to sign.", "9 a.m. Friday", "TIME",
     "2021-03-12T09:00"),
    ("weekday-postponed-past-perfect", "a past perfect postponement is over", PUB,
     "The vote had been postponed until Monday, when it passed.", "Monday", "DATE",
     "2021-03-08"),
    ("scheduled-past-perfect", "'had been scheduled to expire Friday': a superseded plan",
     PUB, "The offer had been scheduled to expire at midnight Friday.", "midnight Friday",
     "TIME", "2021-03-06T00:00"),
    ("previous-weekday", "'the previous Friday': the one before the day last mentioned", PUB,
     "Shares fell on Friday, down 4% from the previous Friday.", "the previous Friday",
     "DATE", "2021-02-26"),
    ("following-weekday", "'the following Monday': the one after the day last mentioned",
     PUB, "The ship docked on March 2 and left the following Monday.",
     "the following Monday", "DATE", "2021-03-08"),
    ("unknown-explicit", "a full date needs no publication date", None,
     "The ferry sank on June 3, 2015.", "June 3, 2015", "DATE", "2015-06-03"),
    ("bad-published", "an unreadable publication date counts as none", "sometime",
     "The envoy arrived on Tuesday.", "Tuesday", "DATE", "XXXX-WXX-2"),
    # plans, conditions and captions: the tense that decides is not the verb's own
    ("due-to-past", "'was due to': a plan told in the past still lies ahead", PUB,
     "The first aid convoy was due to reach the border town on Friday.", "Friday", "DATE",
     "2021-03-12"),
    ("as-planned-past", "'did not ... as planned': the main clause's past decides", PUB,
     "The two envoys did not sign the accord as planned on Monday.", "Monday", "DATE",
     "2021-03-08"),
    ("as-planned-future", "'will ... as scheduled': the main clause's future decides", PUB,
     "The ferry will sail as scheduled on Monday.", "Monday", "DATE", "2021-03-15"),
    ("failed-to", "'failed to' + verb is past", PUB,
     "The committee failed to reach a quorum on Thursday.", "Thursday", "DATE", "2021-03-04"),
    ("when-present", "a present 'when' clause tells of the future: next January", PUB,
     "Ministers will sign the charter when they gather in Lisbon in January.", "January",
     "DATE", "2022-01"),
    ("if-reported", "a reported condition ('said ... if the winter proved') lies ahead", PUB,
     "The utility said it was ready to import power if the winter proved harsh.",
     "the winter", "DATE", "2021-WI"),
    ("perfect-under-future", "'will ask how the summer has gone': this year's summer", PUB,
     "Ministers will meet in October to ask how the summer has gone.", "the summer", "DATE",
     "2021-SU"),
    ("set-on-past", "'the record set on Aug. 6' tells when it was set: past", PUB,
     "The index closed near its record high set on Aug. 6.", "Aug. 6", "DATE", "2020-08-06"),
    ("set-for-future", "'set for Friday' names a time ahead", PUB,
     "The council has set a vote for Friday.", "Friday", "DATE", "2021-03-12"),
    ("midnight-next-day", "midnight ends the day named: the next day's T00:00", PUB,
     "Police cleared the square shortly after midnight on Saturday.", "midnight", "TIME",
     "2021-03-07T00:00"),
    ("midnight-past", "a bare midnight told in the past began the publication day", PUB,
     "The strike began at midnight, the union said.", "midnight", "TIME", "2021-03-10T00:00"),
    ("midnight-ahead", "a bare midnight ahead ends the publication day", PUB,
     "The curfew will start at midnight.", "midnight", "TIME", "2021-03-11T00:00"),
    ("week-end-on-sunday", "said on a Sunday, 'the end of the week' ahead is the next week's",
     "2021-03-14", "The union will decide by the end of the week.", "the end of the week",
     "DATE", "2021-W11"),
    ("month-habitual", "'usually' tells of a rule: a month of no one year", PUB,
     "Ferries usually stop running in November.", "November", "DATE", "XXXX-11"),
    ("possessive-object-of-future", "'will investigate Monday's attack': reported, past",
     PUB, "The council will investigate Monday's attack on the depot.", "Monday", "DATE",
     "2021-03-08"),
    ("possessive-subject-of-future", "'Sunday's vote will decide': still ahead", PUB,
     "Sunday's vote will decide the fate of the coalition.", "Sunday", "DATE", "2021-03-14"),
    ("weekend-attributive", "'a weekend attack': the weekend is the attack's date", PUB,
     "Gunmen killed three guards in a weekend attack on the depot.", "weekend", "DATE",
     "2021-W09-WE"),
    ("weekend-duration", "'a weekend of talks' stays a duration", PUB,
     "Delegates spent a weekend of talks in Oslo.", "a weekend", "DURATION", "P1WE"),
    ("caption-present", "a photo caption's present tells of the past", PUB,
     "Rescuers search the rubble of a collapsed school on Tuesday.\nPhoto: Jane Doe/Wire",
     "Tuesday", "DATE", "2021-03-09"),
    ("caption-passive", "so does a passive caption, a blank line before its credit", PUB,
     "A fishing boat is towed into the harbour on Tuesday.\n\nImage: Coast Guard handout",
     "Tuesday", "DATE", "2021-03-09"),
]

NOT_TIMES = [
    ("high-noon", "'high noon' is a showdown, not a clock time", PUB,
     "For the ruling party, high noon has arrived.", "noon"),
    ("ordinal-day-past", "a count of days told in the past names no day we can date", PUB,
     "It was the third day of talks, and the mood had soured.", "the third day"),
    ("impossible-date", "February 30 does not exist", PUB, "The deal closed on February 30.",
     "February 30"),
    ("count", "a number counting a plural noun", PUB, "The army sent 2006 troops north.", "2006"),
    ("far-future", "a year far ahead of publication", PUB, "The bonds mature in 2095.", "2095"),
    ("label", "a number naming a document", PUB, "Resolution 1441 was adopted.", "1441"),
    ("phone", "a phone number", PUB, "Call 555-2013 for tickets.", "2013"),
    ("score", "a score", PUB, "The home side won 3-1 in a 5-2 vote of fans.", "3-1"),
    ("age", "an age", PUB, "A 45-year-old teacher was hurt.", "45-year"),
    ("age-words", "an age in words", PUB, "The suspect, 52 years old, was held.", "52 years"),
    ("modal-may", "the modal verb may", PUB, "Officials may travel to the region.", "may"),
    ("verb-march", "the verb march", PUB, "Crowds will march on the capital.", "march"),
    ("money", "an amount of money", PUB, "Fines reached $2,010 in total.", "2,010"),
    ("ordinal-second", "a second summit is not a duration", PUB,
     "Both sides want a second summit.", "a second"),
    ("attributive-set", "a quarterly dividend is not a set", PUB,
     "The bank raised its quarterly dividend.", "quarterly"),
    ("march-noun", "a capitalised march, not the month", PUB,
     "Thousands joined the annual March for Life.", "March"),
    ("newspaper-daily", "a daily newspaper", PUB, "The Communist Party daily Granma said so.",
     "daily"),
    ("noun-quarterly", "a quarterly dividend said as a noun", PUB,
     "The company declared its initial quarterly of five cents.", "quarterly"),
    ("early-hours-of-day", "'the early hours of Sunday': the day is the expression", PUB,
     "The suspect was arrested in the early hours of Sunday.", "the early hours"),
    ("verb-fall", "the verb fall is no season", PUB, "Prices could fall in March.", "fall"),
    ("game-quarter", "'the final quarter' alone may be a game's", PUB,
     "The visitors scored 30 points in the final quarter.", "the final quarter"),
    ("as-soon-as", "a conjunction", PUB, "Talks will resume as soon as possible.", "soon"),
    ("soon-past", "'soon' after a past event is not the future of publication", PUB,
     "The trickle of cash soon became a flood.", "soon"),
    ("discourse-now", "'Now,' opening a sentence turns the talk", PUB,
     "Now, the alliance has a new role.", "Now"),
    ("generic-today", "today's + a generic noun: the present in general, untagged", PUB,
     "Today's youth rarely buy newspapers.", "Today"),
    ("of-tomorrow", "'of tomorrow': the future in general, untagged", PUB,
     "The school trains the leaders of tomorrow.", "tomorrow"),
    ("programme", "a capitalised unit names a programme", PUB,
     "She told 60 Minutes and This Week about it.", "60 Minutes"),
    ("cut-word", "a word cut by the prefilter's window is no unit", PUB,
     "Profit at the unit fell to $41 million from $58 million, partly because of a "
     "miners' strike that shut pits across the region for good.", "a min"),
]


def tag(nlp, sentence: str, published: str | None) -> list[TimeExpression]:
    article = Article(id="t", text=sentence, published=published,
                      published_how="given" if published else "none")
    return list(extract_times(nlp(sentence), article, skip=(), lexicon=load_lexicon()))


@pytest.mark.parametrize(("case", "why", "published", "sentence", "text", "type_", "value"),
                         FOUND, ids=[c[0] for c in FOUND])
def test_finds_and_values(nlp, case, why, published, sentence, text, type_, value) -> None:
    found = {t.text: t for t in tag(nlp, sentence, published)}
    assert text in found, f"{why}: {sorted(found)}"
    expression = found[text]
    assert (expression.type, expression.value) == (type_, value), why
    assert sentence[expression.span[0]:expression.span[1]] == text
    unresolved = published != PUB and "X" in value  # only relative values need the date
    assert expression.anchored is not unresolved, why


@pytest.mark.parametrize(("case", "why", "published", "sentence", "text"), NOT_TIMES,
                         ids=[c[0] for c in NOT_TIMES])
def test_refuses(nlp, case, why, published, sentence, text) -> None:
    found = tag(nlp, sentence, published)
    start = sentence.index(text)
    end = start + len(text)
    overlapping = [t for t in found if t.span[0] < end and start < t.span[1]]
    assert all(t.text != text for t in overlapping), why
    assert all(t.type in ("DATE", "TIME", "DURATION", "SET") for t in found)


@pytest.mark.parametrize("sentence", ["The passes showed February 30 as the date.",
                                      "The deal closed on April 31, they said.",
                                      "It expires on Sept. 31."])
def test_impossible_dates_leave_not_even_their_month(nlp, sentence) -> None:
    assert tag(nlp, sentence, PUB) == []


@pytest.mark.parametrize("published", ["9999-12-31", "0001-01-01", PUB])
def test_arithmetic_off_the_calendar_yields_no_value_not_a_crash(nlp, published) -> None:
    sentence = ("Next year, two years later, 999999999 hours later and 1e9 days ago, "
                "on Saturday, the weekend and Q4, next decade.")
    found = tag(nlp, sentence, published)
    assert all(t.value for t in found)
    assert not any("999999999" in t.text for t in found)


def test_debris_is_never_read_but_the_datelines_date_is(nlp) -> None:
    text = "PARIS, March 7 (Wire) – The strike ended on Monday. Two days later, talks began."
    dateline = Dateline(place="Paris", agency="Wire", span=(0, 23))
    article = Article(id="d", text=text, published=PUB, published_how="given",
                      dateline=dateline)
    found = list(extract_times(nlp(text), article, skip=[dateline.span, (24, 51)],
                               lexicon=load_lexicon()))
    # The dateline's date is tagged, but "two days later" does not count from it.
    assert [(t.text, t.value) for t in found] == [("March 7", "2021-03-07"),
                                                  ("Two days later", "2021-03-12")]


def test_unresolved_relative_expressions_are_not_anchored(nlp) -> None:
    found = tag(nlp, "Two days later the envoy left, and he returns next week.", None)
    assert found and all(not t.anchored for t in found)
    assert all("X" in (t.value or "") for t in found)


def test_every_rule_of_the_lexicon_has_a_valuer() -> None:
    rules = {name for name, _ in load_lexicon().timex_rules}
    check_rules(rules)
    assert {"date", "weekday", "duration", "set"} <= set(VALUERS)
    with pytest.raises(ValueError, match="no valuing function"):
        check_rules({"no_such_rule"})


def test_the_prefilter_hides_no_match_and_refuses_rules_without_a_trigger() -> None:
    lexicon = load_lexicon()
    vocab = Vocabulary.of(lexicon)
    grammar = compile_rules(lexicon.timex_rules, vocab)
    filler = "The committee met to weigh the proposal and its costs. " * 6
    text = f"{filler}It ended three days later, on Friday, May 4.{filler}"
    everywhere = sorted((m.start(), m.end(), rule.name) for rule in grammar.rules
                        for m in rule.pattern.finditer(text) if m.end() > m.start())
    assert sorted((c.start, c.end, c.rule) for c in find_candidates(text, grammar)) == everywhere
    with pytest.raises(ValueError, match="without a trigger"):
        compile_rules((("odd", "the said"),), vocab)


@pytest.mark.parametrize(("regex", "firsts"), [
    (r"(?:ab|c\d)x", "[ac]"), (r"(?<!\w)(?:the )?\d+", r"[t\d]"), (r"[0-3]?\d", r"[0-3\d]"),
    (r"a?", None), (r"[^a]b", None), (r".b", None),
])
def test_first_chars(regex, firsts) -> None:
    assert first_chars(regex, re.IGNORECASE) == firsts


def test_the_first_character_look_ahead_changes_no_match() -> None:
    lexicon = load_lexicon()
    vocab = Vocabulary.of(lexicon)
    text = ("On Friday, May 4, about 3 p.m. EST, some 12 protesters marched for two hours; "
            "in Q3 2020 and the '90s sales rose 5% a year ago. ") * 2
    for rule, (_, template) in zip(compile_rules(lexicon.timex_rules, vocab).rules,
                                   lexicon.timex_rules, strict=True):
        plain = re.compile(expand(template, vocab), re.IGNORECASE)
        assert [m.span() for m in rule.pattern.finditer(text)] == \
            [m.span() for m in plain.finditer(text)], rule.name


@pytest.mark.parametrize(("amount", "unit", "value"), [
    (3, "D", "P3D"), (2, "TH", "PT2H"), (None, "W", "PXW"), (2.5, "Y", "P2Y6M"),
    (0.5, "TH", "PT30M"), (3, "Q", "P9M"), (4, "DE", "P40Y"),
])
def test_periods(amount, unit, value) -> None:
    assert period(amount, unit) == value


@pytest.mark.parametrize("value", ["2019-01-08", "2018-W32-WE", "2019-W02", "2018-06",
                                   "1989-Q3", "2019-SU", "2019-H1", "2006"])
def test_values_round_trip_through_points(value) -> None:
    point = parse_value(value)
    assert isinstance(point, Point) and point.value == value
    assert parse_value("PAST_REF") is None and parse_value("XXXX-WXX-2") is None
