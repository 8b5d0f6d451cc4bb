using System.Reflection;
using Waymark.Core.Screening;

namespace Waymark.Tests.Wall;

/// <summary>The tricky cases, one at a time: near-misses, denials, slang and typos, strictest-wins, display names.</summary>
public sealed class PostScreenerTests
{
    private static ScreeningResult Screen(string text, ScreenedKind kind = ScreenedKind.Post) => PostScreener.Default.Screen(text, kind);

    [Theory]
    [InlineData("killing it at work today")]
    [InlineData("my tablet died, typing on my phone")]
    [InlineData("the bridge club meets on Thursdays")]
    [InlineData("Samaritans is 116 123")]
    [InlineData("Text SHOUT to 85258, or ring PAPYRUS on 0800 068 4141")]
    [InlineData("I want to dye my hair purple")]
    [InlineData("i want to die my hair purple")]
    [InlineData("this heat is killing me")]
    [InlineData("I'm going to end it with him tonight")]
    [InlineData("cutting back on sugar")]
    [InlineData("I have a plan for the weekend: sleep")]
    [InlineData("this is goodbye to my old car")]
    [InlineData("took two paracetamol for a headache")]
    [InlineData("walked the dog by the river, lovely")]
    [InlineData("my shoulder blade is killing me")]
    [InlineData("I'd rather die than do karaoke")]
    [InlineData("The Mind infoline is 0300 123 3393 if you want to talk it through")]
    [InlineData("Gonna die on that hill: tea before milk")]
    public void Near_misses_publish(string text) => Assert.Equal(ScreeningOutcome.Publish, Screen(text).Outcome);

    [Theory]
    [InlineData("i want to kill myself tonight")]
    [InlineData("gonna unalive myself")]
    [InlineData("planning to ctb on sunday")]
    [InlineData("kms tonight")]
    [InlineData("i want to comit sucide")]
    [InlineData("goin 2 kil myself")]
    [InlineData("I want to s*icide")]
    [InlineData("SO DONE. GOING TO END IT ALL")]
    [InlineData("su1c1dal tonight")]
    [InlineData("I've written my note")]
    public void Slang_typos_and_disguised_letters_still_reach_a_person_at_once(string text)
    {
        var result = Screen(text);
        Assert.Equal(ScreeningOutcome.Urgent, result.Outcome);
        Assert.Contains(SafeMessagingRule.R9, result.Rules);
    }

    // Intent in other words than the lists' own (blind-1 showed the lists caught little else): no future, goodbyes
    // without a return, settling affairs, a date or a time, things got ready, emoji for a grave or coffin.
    [Theory]
    [InlineData("i dont think ill be alive next week")]
    [InlineData("everyone would be better off if i wasnt here")]
    [InlineData("wont be needing my car after friday")]
    [InlineData("you'll all be fine without me")]
    [InlineData("gave my guitar away to my brother and paid off my loans. feeling calm")]
    [InlineData("signing off for good now. thanks for everything")]
    [InlineData("goodbye everyone")]
    [InlineData("got my tablets out ready for tonight")]
    [InlineData("Told everyone I'm fine. It's tonight.")]
    [InlineData("the date is circled on the calendar")]
    [InlineData("⚰️ soon")]
    [InlineData("had enough of living tbh")]
    [InlineData("i know where i'm going to do it and when")]
    public void Intent_said_other_ways_reaches_a_person_at_once(string text)
    {
        var result = Screen(text);
        Assert.Equal(ScreeningOutcome.Urgent, result.Outcome);
        Assert.Contains(SafeMessagingRule.R9, result.Rules);
    }

    [Theory]
    [InlineData("Won't be around this weekend, back on Monday x")]
    [InlineData("Signing off for a bit, off to the seaside. See you next week")]
    [InlineData("Paid off my car loan and tidied the garage, takeaway to celebrate")]
    [InlineData("Handed my notice in and cleared my desk. New job starts in June!")]
    [InlineData("My mind's made up, I'm going back to college")]
    [InlineData("got the courage to ring the GP about counselling")]
    [InlineData("The kids will be fine without me for one night")]
    public void Goodbyes_and_plans_with_a_future_publish(string text) => Assert.Equal(ScreeningOutcome.Publish, Screen(text).Outcome);

    // The kinds of miss blind-2 showed (3 Dec 2026), each in words of our own rather than the set's: intent with a time
    // ("ending things on friday"), a future the author is not in, weak signs that add up, a goodbye with thanks,
    // someone else's goodbye, slang and misspellings of the time, an emoji wave and a headstone.
    [Theory]
    [InlineData("ending things on friday, cant keep doing this")]
    [InlineData("gona kill myself 2nite")]
    [InlineData("im going to do it this time, properly")]
    [InlineData("there wont be a me by christmas")]
    [InlineData("ill be gone before you wake up")]
    [InlineData("it wont matter by monday anyway")]
    [InlineData("made my peace with everyone. not long now")]
    [InlineData("bills paid, passwords written down for my sister. thats that")]
    [InlineData("last message. take care of yourselves")]
    [InlineData("thank you all on here for trying")]
    [InlineData("my friend texted me goodbye and now she isnt answering")]
    [InlineData("\U0001F44B\U0001FAA6 friday")]
    public void Intent_with_a_time_no_future_and_signs_that_add_up_reach_a_person_at_once(string text)
    {
        var result = Screen(text);
        Assert.Equal(ScreeningOutcome.Urgent, result.Outcome);
        Assert.Contains(SafeMessagingRule.R9, result.Rules);
    }

    [Fact]
    public void A_display_name_with_no_future_in_it_is_urgent() =>
        Assert.Equal(ScreeningOutcome.Urgent, Screen("not_here_after_sunday", ScreenedKind.DisplayName).Outcome);

    [Theory]
    [InlineData("We've picked a date for the christening!")]
    [InlineData("won't be around tomorrow, dentist, back on friday")]
    [InlineData("going to finish it tonight, the last chapter")]
    public void Dates_and_absences_with_a_future_still_publish(string text) => Assert.Equal(ScreeningOutcome.Publish, Screen(text).Outcome);

    // Kinds of farewell that blind-6 to blind-8 showed in many writers' words (issue 14, branch urgent14): a date set, a
    // journey with no way back, going to be with someone who died, a cover story taken back, last thanks, not seeing a
    // season. Written here, not copied from any set.
    [Theory]
    [InlineData("fridays my date. nobody knows")]
    [InlineData("two more nights and then i can finally rest")]
    [InlineData("got a one way ticket to the seaside, no need for a return")]
    [InlineData("going to be with my grandad again. he died in march")]
    [InlineData("told everyone at work its a clear out. it isnt")]
    [InlineData("gave my vinyl and my bike to my sister. she thinks im moving out")]
    [InlineData("won't see easter")]
    [InlineData("thanks for having me, all of you")]
    [InlineData("i'll be a weight off my family soon")]
    public void Farewells_said_as_dates_journeys_cover_stories_and_last_thanks_reach_a_person_at_once(string text)
    {
        var result = Screen(text);
        Assert.Equal(ScreeningOutcome.Urgent, result.Outcome);
        Assert.Contains(result.Matches, m => m.Rule == SafeMessagingRule.R9 && !m.Group.StartsWith("learned-", StringComparison.Ordinal));
    }

    // The same kinds with a reason, a return or an occasion: everyday, and published.
    [Theory]
    [InlineData("going to see my grandad in the care home on sunday")]
    [InlineData("took the cat to my mum's for a few days while i'm in hospital")]
    [InlineData("booked a one way ticket to dublin, new job starts in may")]
    [InlineData("not around tomorrow, back on friday")]
    [InlineData("gave my old coats to the charity shop, feels good to clear out")]
    [InlineData("three more days then i'm on holiday")]
    [InlineData("won't see easter with the family, i'm working")]
    public void The_same_kinds_with_a_reason_or_a_return_publish(string text) => Assert.Equal(ScreeningOutcome.Publish, Screen(text).Outcome);

    // Kinds of intent that blind-9's writer used and the lists did not know (issue 14, branch urgent15): someone else's
    // "see you" denied, a life wished to others and one's own said finished, a bare day with nothing more to say, a
    // decision closed to argument, last words passed through others, staying only for someone, a day set as the last, a
    // message left for after, ending a "subscription to life", tapping out for good, how not to be found, one's own
    // eulogy, a place now with an apology, and display names that say a last night or a goodbye forever. Written here,
    // not copied from any set.
    [Theory]
    [InlineData("the nurse said see you in a month. she won't")]
    [InlineData("hope you all have a good life. mine's finished")]
    [InlineData("sunday. that's all i'm going to say")]
    [InlineData("my decision is final. saturday")]
    [InlineData("tell my sister i love her. i can't say it to her face")]
    [InlineData("i'm only still here for my nan. when she passes i'm going too")]
    [InlineData("one more day then that's it for me")]
    [InlineData("christmas eve will be my last")]
    [InlineData("i'll leave her a letter for after")]
    [InlineData("cancelling my subscription to life this weekend")]
    [InlineData("tapping out for good now lads")]
    [InlineData("how do i make sure i'm not found until morning")]
    [InlineData("my funeral songs are picked. nobody needs to ask why")]
    [InlineData("on the pier. sorry mum")]
    [InlineData("i'm taking mine on the 3rd")]
    public void Intent_said_as_closed_decisions_last_words_and_days_reaches_a_person_at_once(string text)
    {
        var result = Screen(text);
        Assert.Equal(ScreeningOutcome.Urgent, result.Outcome);
        Assert.Contains(result.Matches, m => m.Rule == SafeMessagingRule.R9 && !m.Group.StartsWith("learned-", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("FinalNightFrankie")]
    [InlineData("ByeForeverBilly")]
    public void Display_names_that_say_a_last_night_or_a_goodbye_forever_are_urgent(string name) =>
        Assert.Equal(ScreeningOutcome.Urgent, Screen(name, ScreenedKind.DisplayName).Outcome);

    // The same kinds with an everyday object, an occasion or a return, and the known false urgents (ADR 0030): published.
    [Theory]
    [InlineData("that's all i'm going to say about the referee")]
    [InlineData("my decision is final, we're getting the grey sofa")]
    [InlineData("tell my mum i love her, she made me soup")]
    [InlineData("i only stay in this job for the kids")]
    [InlineData("one more day then that's it for me, holidays start monday")]
    [InlineData("christmas eve will be my last shift before the new job")]
    [InlineData("i'll leave her a letter for after the party")]
    [InlineData("ending my subscription to life insurance, too expensive")]
    [InlineData("tapping out for the night lads")]
    [InlineData("my cat hid so she's not found until tea time")]
    [InlineData("on the pier with the kids, lovely day")]
    [InlineData("tonight's the night, the big match")]
    [InlineData("sorted who gets the dog while we're in spain")]
    [InlineData("once the kids are asleep then i can go to bed")]
    [InlineData("once the kids are asleep i can finally have a bath")]
    public void The_same_kinds_with_an_occasion_a_return_or_an_everyday_object_publish(string text) =>
        Assert.Equal(ScreeningOutcome.Publish, Screen(text).Outcome);

    [Theory]
    [InlineData("LastWeekTonightFan")]
    [InlineData("ByeByeBlackbird")]
    public void Display_names_with_a_show_or_a_song_publish(string name) =>
        Assert.Equal(ScreeningOutcome.Publish, Screen(name, ScreenedKind.DisplayName).Outcome);

    // Kinds from blind-10 (issue 14, branch urgent16), written here, not copied from the set. Words the R9 lists take alone
    // are cancelled only in their own scope: a plain denial of the phrase with nothing turning it round (lowered to warn,
    // ADR 0032), a joke aimed at a task, someone else's thoughts, thoughts told with their end or limit, an event the words
    // belong to. Each keeps its risky twin urgent: a denial turned round by "but", a joke said to be meant or about oneself.
    [Theory]
    [InlineData("i'm not suicidal, just fed up with the rain")]
    [InlineData("i don't want to die, i want a job that doesn't grind me down")]
    [InlineData("thinking about suicide again this week but i'm not going to act on it")]
    [InlineData("had suicidal thoughts on the train this morning. it passed. made a brew")]
    [InlineData("my brother says he's been feeling suicidal, how do i help him")]
    [InlineData("kms this homework is endless lol")]
    [InlineData("see you on the other side of the bank holiday")]
    [InlineData("the last post at the cenotaph made me cry this morning")]
    [InlineData("that's me done with the allotment, too much weeding")]
    [InlineData("rage quitting this level, the boss is impossible")]
    [InlineData("game over for our team on saturday, relegated")]
    [InlineData("once the film is over i'm going to bed")]
    [InlineData("tonight's my last night in lisbon, back home tomorrow")]
    [InlineData("i'm not sticking around after the meeting")]
    public void Denials_jokes_others_thoughts_and_events_are_not_urgent(string text)
    {
        var result = Screen(text);
        Assert.True(result.Outcome is ScreeningOutcome.Publish or ScreeningOutcome.Warn, $"{result.Outcome}: {string.Join(", ", result.Matches.Select(m => m.Group))}");
    }

    [Theory]
    [InlineData("i'm not suicidal... but friday is my last day")]
    [InlineData("i don't want to die but i can't do another night of this")]
    [InlineData("kms tonight lol. no joke")]
    [InlineData("if the bus is late again i'm going to die lmao")]
    [InlineData("my husband left and i've been suicidal all week")]
    [InlineData("rage quitting life on friday")]
    [InlineData("no respawn this time. sunday")]
    [InlineData("once the court case is over i'm following him")]
    [InlineData("tonight's my last night. thank you all")]
    [InlineData("i'm ending it when i clock off")]
    [InlineData("i'm not sticking around. i mean it")]
    public void The_same_words_turned_round_meant_or_said_of_oneself_reach_a_person_at_once(string text)
    {
        var result = Screen(text);
        Assert.Equal(ScreeningOutcome.Urgent, result.Outcome);
        Assert.Contains(result.Matches, m => m.Rule == SafeMessagingRule.R9 && !m.Group.StartsWith("learned-", StringComparison.Ordinal));
    }

    // ADR 0032: a plain first-person denial of the only R9 words in a post, with nothing after it turning it round and no
    // time, plan, means, goodbye, giving-away or place word anywhere, lowers intent to a content warning — never to plain
    // publish, and never when any of those holds.
    [Theory]
    [InlineData("not suicidal, just tired")]
    [InlineData("i'm not suicidal, just fed up with the rain")]
    [InlineData("i don't want to die, i want my evenings back")]
    [InlineData("NOT SUICIDAL, JUST RAGING AT THE COUNCIL")]
    [InlineData("same here, not suicidal, just worn out. solidarity")]
    public void A_plain_denial_of_the_only_intent_is_content_warned(string text)
    {
        var result = Screen(text);
        Assert.Equal(ScreeningOutcome.Warn, result.Outcome);
        var r9 = Assert.Single(result.Matches, m => m.Rule == SafeMessagingRule.R9);
        Assert.True(r9.Negated);
        Assert.EndsWith(PostScreener.PlainDenialReason, r9.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not suicidal but i've got the tablets ready")]
    [InlineData("im not suicidal anymore i've decided")]
    [InlineData("not suicidal lol see you all tomorrow... or not")]
    [InlineData("i'm not suicidal. not sure tho")]
    [InlineData("i don't want to die, idk")]
    [InlineData("not suicidal, just tired. gave the cat to my sister")]
    [InlineData("not suicidal, just sat on the bridge thinking")]
    [InlineData("i don't want to die, this is goodbye")]
    [InlineData("not suicidal tonight, just tired")]
    public void A_denial_turned_round_or_beside_a_time_plan_means_goodbye_or_place_stays_urgent(string text) =>
        Assert.Equal(ScreeningOutcome.Urgent, Screen(text).Outcome);

    // ADR 0032: a joke marker cancels R9 words only when they are aimed at a thing or task and the post has no time, plan,
    // means, goodbye or place word; "kms tonight lol" reaches a person at once.
    [Theory]
    [InlineData("kms this essay lol")]
    [InlineData("this traffic makes me want to die lmao")]
    public void A_joke_aimed_at_a_task_is_not_urgent(string text) =>
        Assert.NotEqual(ScreeningOutcome.Urgent, Screen(text).Outcome);

    [Theory]
    [InlineData("kms tonight lol")]
    [InlineData("kms this essay lol, see you on the other side")]
    [InlineData("kms this essay lol. sunday")]
    [InlineData("i want to die lol")]
    [InlineData("kms lol")]
    public void A_joke_about_oneself_or_with_a_time_or_goodbye_stays_urgent(string text) =>
        Assert.Equal(ScreeningOutcome.Urgent, Screen(text).Outcome);

    // R9 kinds from blind-11 (ADR 0032), written here as kinds, not copied from the set: ending said as a plain act or a
    // euphemism with oneself or life as its object (strong alone); a weak going or ending ("i'll go once", "thats it for
    // me", going ahead with it) that counts only beside a time; a display name with a going and a day.
    [Theory]
    [InlineData("gonna pull the plug on myself, sorry everyone", ScreenedKind.Post)]
    [InlineData("logging out of life for good", ScreenedKind.Post)]
    [InlineData("retiring from life this month", ScreenedKind.Post)]
    [InlineData("i picked my exit date, it's the 3rd", ScreenedKind.Post)]
    [InlineData("i'll go once everyone's out on sunday", ScreenedKind.Post)]
    [InlineData("thats it for me. friday", ScreenedKind.Post)]
    [InlineData("i'm going ahead with it tomorrow, nobody talk me out of it", ScreenedKind.Post)]
    [InlineData("exit_friday", ScreenedKind.DisplayName)]
    public void An_end_said_plainly_or_a_going_with_a_time_is_urgent(string text, ScreenedKind kind) =>
        Assert.Equal(ScreeningOutcome.Urgent, Screen(text, kind).Outcome);

    // Their everyday twins, and false urgents of the same kinds: training about suicide, a last match or shift with its
    // occasion, a goodbye to the wall "for now", an evening's going to bed.
    [Theory]
    [InlineData("i'll go on sunday to see my nan")]
    [InlineData("suicide prevention training today was really good")]
    [InlineData("final whistle for me at five a side, knees are done")]
    [InlineData("saying goodbye to the wall for now, doing really well")]
    [InlineData("last shift before i retire is friday, there's cake")]
    [InlineData("thats it for me tonight, off to bed")]
    [InlineData("finished the marathon training. thats it for me till spring")]
    public void Everyday_goings_and_endings_are_not_urgent(string text) =>
        Assert.NotEqual(ScreeningOutcome.Urgent, Screen(text).Outcome);

    // Method without a method word (R1): hair pulled out to bald patches, biting one's own skin to bruises.
    [Theory]
    [InlineData("i keep pulling my hair out, there's a bald patch now")]
    [InlineData("i bite my arms till they bruise")]
    public void Harm_described_without_a_method_word_is_held(string text)
    {
        var result = Screen(text);
        Assert.Equal(ScreeningOutcome.Hold, result.Outcome);
        Assert.Contains(result.Matches, m => m.Rule == SafeMessagingRule.R1);
    }

    // Encouragement by kind (R4): which drug works best "for this", stopping someone's meds, "not thin enough yet", a
    // no-eating month for a group.
    [Theory]
    [InlineData("which tablets work best for it")]
    [InlineData("stop taking your meds, they do nothing for you")]
    [InlineData("you're not thin enough yet")]
    [InlineData("who else is doing no eating december? keep each other going")]
    public void Asking_which_drug_works_and_pushing_others_is_rejected(string text)
    {
        var result = Screen(text);
        Assert.Equal(ScreeningOutcome.Reject, result.Outcome);
        Assert.Contains(result.Matches, m => m.Rule == SafeMessagingRule.R4);
    }

    [Theory]
    [InlineData("pulling my hair out over this homework")]
    [InlineData("the dog bit my arm til it bruised")]
    [InlineData("which painkillers work best for period pain")]
    [InlineData("my gp said never stop taking your meds suddenly")]
    [InlineData("anyone else fasting for ramadan? the evenings are lovely")]
    public void Everyday_hair_bites_painkillers_meds_and_fasting_publish(string text) =>
        Assert.Equal(ScreeningOutcome.Publish, Screen(text).Outcome);

    // Intent in the past ("wanted to") is lived experience, not a plan now.
    [Fact]
    public void Intent_in_the_past_is_not_urgent() =>
        Assert.NotEqual(ScreeningOutcome.Urgent, Screen("wanted to end things on friday but i rang the crisis line instead").Outcome);

    // "Stop" denies inside a match only when something stops being done.
    [Fact]
    public void Stop_inside_a_phrase_is_a_denial_only_when_something_stops_being_done()
    {
        Assert.Equal(ScreeningOutcome.Hold, Screen("the only thing that makes the shaking stop is cutting").Outcome);
        Assert.True(Screen("does cutting ever stop feeling like a release?").IsPublic);
    }

    [Theory]
    [InlineData("dont tell your therapist, they just overreact", SafeMessagingRule.R4)]
    [InlineData("skip the gp, theyll only make a fuss", SafeMessagingRule.R4)]
    [InlineData("hide them under a hoodie, easy", SafeMessagingRule.R4)]
    [InlineData("relapsed three times since christmas", SafeMessagingRule.R3)]
    [InlineData("fourth time in hospital this year for an overdose", SafeMessagingRule.R3)]
    [InlineData("took the tablets from my nans cupboard when it got bad", SafeMessagingRule.R1)]
    [InlineData("cutting helped more than any pill", SafeMessagingRule.R5)]
    public void Encouragement_counts_and_method_said_other_ways_are_not_published(string text, SafeMessagingRule rule) =>
        Method_numbers_framing_and_encouragement_in_other_words_are_not_published(text, rule);

    [Theory]
    [InlineData("a blade from a pencil sharpener is what i used", SafeMessagingRule.R1)]
    [InlineData("got the pills from the bathroom cabinet again", SafeMessagingRule.R1)]
    [InlineData("i burn with a lighter when it gets loud", SafeMessagingRule.R1)]
    [InlineData("i've harmed 4 times since friday", SafeMessagingRule.R3)]
    [InlineData("my bmi is 14 and they want to admit me", SafeMessagingRule.R3)]
    [InlineData("being dead would be such a relief", SafeMessagingRule.R5)]
    [InlineData("it's painless, people make such a fuss", SafeMessagingRule.R5)]
    [InlineData("why dont you just do it then", SafeMessagingRule.R4)]
    [InlineData("just tell the nurse it was an accident", SafeMessagingRule.R4)]
    [InlineData("anyone up for a no food week with me?", SafeMessagingRule.R4)]
    public void Method_numbers_framing_and_encouragement_in_other_words_are_not_published(string text, SafeMessagingRule rule)
    {
        var result = Screen(text);
        Assert.False(result.IsPublic, $"{text} came out {result.Outcome}");
        var spans = result.Matches.Where(m => m.Rule == rule).SelectMany(m => m.Spans).ToList();
        Assert.NotEmpty(spans);
        Assert.All(spans, s => Assert.Equal(s.Text, text.Substring(s.Start, s.Length)));
    }

    [Fact]
    public void A_denied_plan_is_still_urgent_and_marked_as_denied()
    {
        var result = Screen("I'm not going to kill myself tonight, I just needed to say it");

        Assert.Equal(ScreeningOutcome.Urgent, result.Outcome);
        var match = Assert.Single(result.Matches, m => m.Rule == SafeMessagingRule.R9);
        Assert.True(match.Negated);
    }

    [Fact]
    public void Suicidal_feelings_denied_are_still_urgent()
    {
        Assert.Equal(ScreeningOutcome.Urgent, Screen("i'm not suicidal but i can't stop thinking about ending it").Outcome);
    }

    [Theory]
    [InlineData("suicide is never the answer, please talk to someone", ScreeningOutcome.Publish)]
    [InlineData("I didn't self harm today and I'm proud", ScreeningOutcome.Publish)]
    [InlineData("I haven't cut in 6 months", ScreeningOutcome.Publish)]
    [InlineData("Please don't kill yourself. It gets better.", ScreeningOutcome.Publish)]
    [InlineData("suicide is the answer", ScreeningOutcome.Hold)]
    [InlineData("I cut again last night", ScreeningOutcome.Warn)]
    public void A_denial_cancels_framing_and_lived_experience_but_not_the_words_themselves(string text, ScreeningOutcome expected) =>
        Assert.Equal(expected, Screen(text).Outcome);

    [Fact]
    public void Method_words_count_only_in_a_text_about_self_harm()
    {
        Assert.Equal(ScreeningOutcome.Publish, Screen("sharpened the kitchen knife and made a curry").Outcome);
        var result = Screen("relapsed last night with the kitchen knife");
        Assert.Equal(ScreeningOutcome.Hold, result.Outcome);
        var r1 = Assert.Single(result.Matches, m => m.Rule == SafeMessagingRule.R1);
        Assert.Equal("knife", Assert.Single(r1.Spans).Text);
    }

    [Fact]
    public void The_strictest_outcome_wins_and_every_rule_is_listed()
    {
        var result = Screen("you should just kill yourself. I'm going to end it tonight too, 07700 900123");

        Assert.Equal(ScreeningOutcome.Urgent, result.Outcome);
        Assert.Equal([SafeMessagingRule.R4, SafeMessagingRule.R6, SafeMessagingRule.R9], result.Rules);
        Assert.Null(result.AuthorMessage);
    }

    // Issue 14: "pills lined up … going to take them all" came out reject (R4's "take them all", as if said to someone
    // else), which told a person in danger their post broke a rule. A plan with the means at hand is urgent, and when
    // R4 and R9 both match, urgent wins and the author is not given a rejection.
    [Theory]
    [InlineData("Ive got pills lined up next to me and im going to take them all")]
    [InlineData("i've got the tablets lined up on the table, going to take the lot")]
    [InlineData("got the pills counted out beside me. im gonna take them all")]
    [InlineData("the blade is next to me and i'm going to use it")]
    public void A_plan_with_the_means_at_hand_is_urgent_not_rejected(string text)
    {
        var result = Screen(text);

        Assert.Equal(ScreeningOutcome.Urgent, result.Outcome);
        Assert.Contains(result.Matches, m => m.Rule == SafeMessagingRule.R9 && m.Outcome == ScreeningOutcome.Urgent);
        Assert.Null(result.AuthorMessage);
    }

    // The kinds of miss blind-5 showed (ADR 0027), each in words of our own rather than the set's: a plan said through a
    // time or an arrangement with no word for dying, goodbyes in dialect, giving the last things away, a post to be read
    // after, doing "the same" as someone who died, being at a place now, weak signs that add up ("that's when", "nobody's
    // up then"; means saved and a day named), and the old slang with text-speak digits ("2nite").
    [Theory]
    [InlineData("alarm's set for 5am. that's when. nobody's up then")]
    [InlineData("ta ra everyone, you've been good to me")]
    [InlineData("it was lovely knowing you all")]
    [InlineData("gave my telly to my cousin. nothing left to do but go")]
    [InlineData("when you read this i'll have done it")]
    [InlineData("there won't be a tuesday for me")]
    [InlineData("my dad did it when i was ten. i'm going to do the same tonight")]
    [InlineData("sat on the bridge. just wanted to tell someone")]
    [InlineData("i know exactly when")]
    [InlineData("so my body gets found quick")]
    [InlineData("been saving them up. sunday is the day")]
    [InlineData("ctb 2nite")]
    public void Plans_said_in_plain_words_reach_a_person_at_once(string text)
    {
        var result = Screen(text);
        Assert.Equal(ScreeningOutcome.Urgent, result.Outcome);
        Assert.Contains(SafeMessagingRule.R9, result.Rules);
    }

    // Goading and asking how without a method word (blind-5): rejected, with support offered to the author.
    [Theory]
    [InlineData("go on, do it, i dare you")]
    [InlineData("if you were serious you'd have done it by now")]
    [InlineData("anyone know how to cover fresh marks so nobody asks at work")]
    [InlineData("which one is the highest round here, need to know")]
    public void Goading_and_asking_how_without_a_method_word_are_rejected(string text)
    {
        var result = Screen(text);
        Assert.Equal(ScreeningOutcome.Reject, result.Outcome);
        Assert.Contains(SafeMessagingRule.R4, result.Rules);
        Assert.Equal(AuthorMessages.Rejected, result.AuthorMessage);
    }

    // Asking for a pact partner with no time named: the writers labelled it a reject (R4), but trained on blind-8 to
    // blind-11 the learned rules read it as a plan too (R9), so it is urgent: stricter, and a person replies to the
    // author (ADR 0035). Either way it is never published.
    [Fact]
    public void A_request_for_a_pact_partner_is_urgent()
    {
        var result = Screen("pact partner wanted");
        Assert.Equal(ScreeningOutcome.Urgent, result.Outcome);
        Assert.Contains(SafeMessagingRule.R4, result.Rules);
        Assert.Contains(SafeMessagingRule.R9, result.Rules);
    }

    // "Doing it" with a time and no named task, and a plan in slang or misspelt words: the commonest R9 misses on
    // blind-13 and blind-14, urgent by word list so a long post around them cannot dilute them (ADR 0038).
    [Theory]
    [InlineData("no boat, no wife, no point. im doing it tomorrow")]
    [InlineData("doing it at first light")]
    [InlineData("i'm doing it tuesday")]
    [InlineData("said my goodbyes to the dog. doing it later")]
    [InlineData("the note is written. doing it tonight")]
    [InlineData("my note. doing it tonight")]
    [InlineData("i've had enough of everything. doing it tomorrow")]
    [InlineData("tak my own lyf 2moro")]
    [InlineData("thinking about taking me own life")]
    [InlineData("tomorrows the day i stop existing")]
    public void Doing_it_at_a_time_and_misspelt_plans_are_urgent(string text)
    {
        var result = Screen(text);
        Assert.Equal(ScreeningOutcome.Urgent, result.Outcome);
        Assert.Contains(SafeMessagingRule.R9, result.Rules);
    }

    // The same words about a named task (in its sentence or named just before it: ADR 0037), with others, or about being
    // online stay published.
    [Theory]
    [InlineData("doing it tuesday, the quiz")]
    [InlineData("doing it at first light, the hike")]
    [InlineData("doing it sunday, the car boot")]
    [InlineData("doing it saturday with my sister")]
    [InlineData("we're doing it tomorrow")]
    [InlineData("the marathon? doing it on sunday")]
    [InlineData("the bake sale. doing it saturday")]
    [InlineData("im going to stop existing online for a bit")]
    [InlineData("the day i stop existing on social media is the day i get my life back")]
    public void Doing_it_about_a_task_and_logging_off_publish(string text) => Assert.Equal(ScreeningOutcome.Publish, Screen(text).Outcome);

    // Everyday plans with the same words: an occasion, "wish me luck" or telling someone something is not a plan to die
    // ("got everything ready for the car boot sale" was urgent on blind-5).
    [Theory]
    [InlineData("got everything ready for the table top sale tomorrow, wish me luck")]
    [InlineData("tonight's the night i tell my mum about the new job")]
    [InlineData("everything's ready for the christening tomorrow")]
    [InlineData("got my funeral plan sorted, now i can stop worrying and enjoy the garden")]
    [InlineData("saving up for a holiday. sunday is the day we book it")]
    [InlineData("nobody's up at 5am, that's when i bake")]
    [InlineData("which team is the strongest this year")]
    public void Everyday_plans_and_questions_with_the_same_words_publish(string text) => Assert.Equal(ScreeningOutcome.Publish, Screen(text).Outcome);

    [Fact]
    public void Whenever_imminent_risk_matches_the_outcome_is_urgent_whatever_else_matched()
    {
        var checkedCount = 0;
        foreach (var post in LabelledPost.SpentFiles.SelectMany(LabelledPost.Load))
        {
            var result = Screen(post.Text, post.ScreenedKind);
            // The one exception (ADR 0032): a plain denial of the post's only R9 words is warned, and says so.
            foreach (var lowered in result.Matches.Where(m => m.Rule == SafeMessagingRule.R9 && m.Outcome != ScreeningOutcome.Urgent))
            {
                Assert.True(lowered.Outcome == ScreeningOutcome.Warn && lowered.Negated && lowered.Reason.EndsWith(PostScreener.PlainDenialReason, StringComparison.Ordinal),
                    $"{post.Id}: an R9 match came out {lowered.Outcome} without a plain denial");
            }
            if (result.Matches.Any(m => m.Rule == SafeMessagingRule.R9 && m.Outcome == ScreeningOutcome.Urgent))
            {
                Assert.True(result.Outcome == ScreeningOutcome.Urgent, $"{post.Id} matched R9 but came out {result.Outcome}");
                Assert.Null(result.AuthorMessage);
                checkedCount++;
            }
        }
        Assert.True(checkedCount > 300, $"only {checkedCount} posts matched R9");
    }

    [Fact]
    public void A_rejected_post_explains_itself_kindly_and_offers_support()
    {
        var result = Screen("just do it, nobody cares anyway");

        Assert.Equal(ScreeningOutcome.Reject, result.Outcome);
        Assert.NotNull(result.AuthorMessage);
        Assert.Contains("116 123", result.AuthorMessage, StringComparison.Ordinal);
        Assert.Contains("999", result.AuthorMessage, StringComparison.Ordinal);
        Assert.Contains("you deserve support", result.AuthorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Spans_point_at_the_words_in_the_original_text()
    {
        const string text = "Honestly... I've Been CUTTING again and the Blade is in my drawer";
        var result = Screen(text);

        Assert.Equal(ScreeningOutcome.Hold, result.Outcome);
        Assert.All(result.Matches.SelectMany(m => m.Spans), s => Assert.Equal(s.Text, text.Substring(s.Start, s.Length)));
        Assert.Contains(result.Matches, m => m.Rule == SafeMessagingRule.R1 && m.Spans.Any(s => s.Text == "Blade"));
    }

    [Fact]
    public void Stigmatising_words_publish_with_a_suggestion_unless_aimed_at_someone()
    {
        var report = Screen("people say self harm is attention seeking");
        Assert.Contains(SafeMessagingRule.R8, report.Rules);
        Assert.True(report.IsPublic);
        Assert.Contains("died by suicide", report.EditSuggestion, StringComparison.Ordinal);

        Assert.Equal(ScreeningOutcome.Hold, Screen("you're just attention seeking").Outcome);
    }

    [Theory]
    [InlineData("Daniel Whitaker", ScreeningOutcome.Hold)]
    [InlineData("Sarah J", ScreeningOutcome.Hold)]
    [InlineData("jo.bloggs@example.com", ScreeningOutcome.Hold)]
    [InlineData("07700900456", ScreeningOutcome.Hold)]
    [InlineData("@cloudy.days", ScreeningOutcome.Hold)]
    [InlineData("sunflower_sarah", ScreeningOutcome.Publish)]
    [InlineData("tom from hull", ScreeningOutcome.Publish)]
    [InlineData("StillHere2024", ScreeningOutcome.Publish)]
    [InlineData("wanttodie", ScreeningOutcome.Urgent)]
    [InlineData("bladegirl", ScreeningOutcome.Hold)]
    public void Display_names_are_screened_for_names_and_run_together_words(string name, ScreeningOutcome expected) =>
        Assert.Equal(expected, Screen(name, ScreenedKind.DisplayName).Outcome);

    [Fact]
    public void A_first_name_alone_is_fine_as_a_display_name_but_a_post_naming_someone_is_held()
    {
        Assert.Equal(ScreeningOutcome.Publish, Screen("Sophie", ScreenedKind.DisplayName).Outcome);
        Assert.Equal(ScreeningOutcome.Hold, Screen("my husband Gary reads these").Outcome);
        Assert.Equal(ScreeningOutcome.Hold, Screen("I live at 14 Cardigan Road").Outcome);
        Assert.Equal(ScreeningOutcome.Hold, Screen("email me at someone@example.com").Outcome);
        Assert.Equal(ScreeningOutcome.Publish, Screen("email jo@samaritans.org, they answer").Outcome);
    }

    [Fact]
    public void Images_are_held()
    {
        Assert.Equal([SafeMessagingRule.R2], Screen("look https://i.imgur.com/abc.jpg").Rules);
        Assert.Equal([SafeMessagingRule.R2], Screen("![arm](https://example.org/a.png)").Rules);
    }

    [Fact]
    public void The_same_text_always_gets_the_same_answer()
    {
        var posts = LabelledPost.Load(LabelledPost.TuningFile);
        var first = posts.Select(p => Screen(p.Text, p.ScreenedKind)).ToList();
        var second = posts.Select(p => Screen(p.Text, p.ScreenedKind)).ToList();
        Assert.Equal(first.Select(r => (r.Outcome, string.Join(",", r.Rules))), second.Select(r => (r.Outcome, string.Join(",", r.Rules))));
    }

    [Fact]
    public void It_classifies_text_never_people_and_carries_no_score()
    {
        // Nothing about a person goes in: the only inputs are the text and what kind of text it is.
        var screen = typeof(PostScreener).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
        Assert.All(screen, m => Assert.All(m.GetParameters(), p => Assert.True(p.ParameterType == typeof(string) || p.ParameterType == typeof(ScreenedKind), $"{m.Name}({p.Name})")));
        // Nothing numeric comes out that could be read as a risk score or band.
        foreach (var type in new[] { typeof(ScreeningResult), typeof(RuleMatch) })
        {
            Assert.DoesNotContain(type.GetProperties(), p => p.PropertyType == typeof(double) || p.PropertyType == typeof(float) || p.PropertyType == typeof(decimal) || p.PropertyType == typeof(int));
        }
    }

    [Fact]
    public void Every_word_list_says_why_it_exists()
    {
        var json = File.ReadAllText(Path.Combine(FindRepository(), "src", "Waymark.Core", "Screening", "screening-lexicon.json"));
        using var doc = System.Text.Json.JsonDocument.Parse(json, new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true });
        foreach (var group in doc.RootElement.GetProperty("groups").EnumerateArray())
        {
            Assert.False(string.IsNullOrWhiteSpace(group.GetProperty("why").GetString()), group.GetProperty("id").GetString());
        }
        foreach (var c in doc.RootElement.GetProperty("classes").EnumerateObject())
        {
            Assert.False(string.IsNullOrWhiteSpace(c.Value.GetProperty("why").GetString()), c.Name);
        }
    }

    // What a moderator reads beside a match, often on an urgent post and in a hurry: plain words, never the developers'
    // notes (which set or ADR a list came from, examples from training, how the matching works). It ends with one full stop,
    // so the item page can put the matched words after it without doubling it, and stays short.
    [Fact]
    public void Every_reason_a_moderator_can_read_is_plain()
    {
        var reasons = PostScreener.Default.Reasons().Concat(ScreeningLexicon.Embedded.Groups.Where(g => g.Rules.Length > 0).Select(g => g.Reason)).Distinct().ToList();
        Assert.True(reasons.Count > ScreeningLexicon.Embedded.Groups.Count, $"only {reasons.Count} reasons");
        var unplain = reasons.SelectMany(r => Unplain(r).Select(what => $"{what}: {r}")).ToList();
        Assert.True(unplain.Count == 0, string.Join('\n', unplain));
    }

    [Theory]
    [InlineData("A day or a time named as the end (blind-6 to blind-8): 'tomorrow's the day'.")]
    [InlineData("Denied plainly, so warned (ADR 0032).")]
    [InlineData("Reads like the posts in the labelled sets that give numbers about harm.")]
    [InlineData("A plan with a time needs a quick reply")]
    [InlineData("A plan with a time needs a quick reply..")]
    [InlineData("Their words are hidden from every other list of the lexicon.")]
    [InlineData("A plain denial lowers it (negation drop).")]
    public void A_developers_note_is_not_plain(string reason) => Assert.NotEmpty(Unplain(reason));

    private static IEnumerable<string> Unplain(string reason)
    {
        if (reason.Contains("ADR", StringComparison.Ordinal))
        {
            yield return "names an ADR";
        }
        foreach (var word in (string[])["blind-", "labelled", "lexicon", "mask", "phase", "negation", "threshold"])
        {
            if (reason.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                yield return $"says {word}";
            }
        }
        if (System.Text.RegularExpressions.Regex.IsMatch(reason, @"(^|\s)['‘“""]"))
        {
            yield return "quotes an example";
        }
        if (reason.Contains("..", StringComparison.Ordinal) || !reason.EndsWith('.') || reason != reason.Trim())
        {
            yield return "does not end with one full stop";
        }
        if (reason.Length > 200)
        {
            yield return $"is {reason.Length} characters, over 200";
        }
    }

    // The list of reasons above is the screener's own: every match it makes on the spent sets gives one of them.
    [Fact]
    public void Every_reason_the_screener_gives_is_one_it_lists()
    {
        var listed = PostScreener.Default.Reasons().ToHashSet(StringComparer.Ordinal);
        var groups = new HashSet<string>(StringComparer.Ordinal);
        var denied = 0;
        foreach (var post in LabelledPost.SpentFiles.Append(LabelledPost.NearMissFile).SelectMany(LabelledPost.Load))
        {
            foreach (var match in Screen(post.Text, post.ScreenedKind).Matches)
            {
                Assert.True(listed.Contains(match.Reason), $"{post.Id}: {match.Group} gave a reason the screener does not list: {match.Reason}");
                groups.Add(match.Group);
                denied += match.Reason.EndsWith(PostScreener.PlainDenialReason, StringComparison.Ordinal) ? 1 : 0;
            }
        }
        Assert.True(groups.Count > 50, $"only {groups.Count} kinds of match");
        Assert.Contains(groups, g => g.StartsWith(LearnedRules.GroupPrefix, StringComparison.Ordinal));
        Assert.True(denied > 0, "no plain denial was met");
    }

    private static string FindRepository()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Waymark.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Waymark.sln not found above the test folder");
    }
}
