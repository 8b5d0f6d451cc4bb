#!/usr/bin/env python3
"""Build Waymark's shipped sample directory: Yorkshire and the Humber, as Open Referral UK 3.0 JSON.

Every service here is FICTIONAL (organisations, people, addresses, phone numbers, times), except the
five national crisis contacts at the end of the list (Samaritans, Shout, PAPYRUS HOPELINE247, CALM and
the NHS 111 mental health option), which are real.

    python3 data/sample/build_sample.py           # write yorkshire-and-humber.json and check it
    python3 data/sample/build_sample.py --check   # only check the existing file

Deterministic: the same script always writes the same bytes. Standard library only (the optional
JSON Schema check uses the `jsonschema` package when it happens to be installed).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import os
import re
import sys
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "yorkshire-and-humber.json"
# The ORUK 3.0 validator schema for a full service; set WAYMARK_ORUK_SCHEMA to use another copy.
SCHEMA = Path(os.environ.get("WAYMARK_ORUK_SCHEMA", str(Path(__file__).resolve().parents[2] / "standards/oruk-3.0/validator-schemas/service.json")))

# The Waymark taxonomy (docs/contracts/matching.md §1). Term ids are uuid5(NS, code); the importer relies on it.
NS = uuid.UUID("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001")
TAXONOMY_ID = str(NS)
TODAY = dt.date(2026, 11, 29)  # "now" for assured dates; fixed so the output is reproducible

LAS = [
    "Barnsley", "Bradford", "Calderdale", "Doncaster", "East Riding of Yorkshire", "Kingston upon Hull",
    "Kirklees", "Leeds", "North East Lincolnshire", "North Lincolnshire", "North Yorkshire", "Rotherham",
    "Sheffield", "Wakefield", "York",
]


def U(key: str) -> str:
    return str(uuid.uuid5(NS, key))


def h(key: str) -> int:
    return int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big")


# --------------------------------------------------------------------------------------------------
# Vocabulary: code -> (human label, short description). Order here is the order attributes are written.
# --------------------------------------------------------------------------------------------------
VOCAB = {
    "delivery:in-person": ("In person", "You meet face to face."),
    "delivery:phone": ("By phone", "Support over the phone."),
    "delivery:online": ("Online", "Support by video call, online chat, email or a website."),
    "delivery:text": ("By text message", "Support by text message."),
    "delivery:home-visit": ("Home visits", "A worker can come to see you at home."),
    "format:one-to-one": ("One-to-one", "Just you and one worker."),
    "format:group": ("Group", "A small group meets together."),
    "format:drop-in": ("Drop-in", "Turn up while it is open. No appointment needed."),
    "format:helpline": ("Helpline", "A phone or text line you can contact when you need to."),
    "format:self-help": ("Self-help", "Guides and tools you can use on your own."),
    "format:online-community": ("Online community", "A moderated online space to talk with others."),
    "delivered-by:peer": ("Peer supporters", "People with their own lived experience."),
    "delivered-by:volunteer": ("Volunteers", "Trained volunteers."),
    "delivered-by:support-worker": ("Support workers", "Trained support workers."),
    "delivered-by:counsellor": ("Counsellors", "Qualified counsellors."),
    "delivered-by:psychologist": ("Psychologists and therapists", "Psychologists or psychological therapists."),
    "delivered-by:nurse": ("Nurses", "Nurses, including mental health nurses."),
    "delivered-by:doctor": ("Doctors", "GPs or psychiatrists."),
    "access:no-referral": ("No referral needed", "Just call or turn up."),
    "access:self-referral": ("Refer yourself", "Get in touch yourself or fill in a form."),
    "access:gp-referral": ("GP referral", "Your GP can refer you."),
    "access:professional-referral": ("Professional referral", "A worker such as a nurse or social worker refers you."),
    "support:crisis": ("Crisis support", "Help when things feel too much right now."),
    "support:peer-support": ("Peer support", "Support from people who have been there too."),
    "support:counselling": ("Counselling", "Talking with a counsellor."),
    "support:talking-therapy": ("Talking therapy", "Structured psychological therapy."),
    "support:safety-planning": ("Safety planning", "Making a plan to keep yourself safer."),
    "support:harm-reduction": ("Harm reduction", "Keeping yourself safer and caring for injuries."),
    "support:creative": ("Creative activities", "Art, crafts, writing, music and other activities."),
    "support:employment": ("Work and volunteering", "Help with work, volunteering and training."),
    "support:education": ("Learning and courses", "Courses to learn about self-harm and coping."),
    "support:family-and-carers": ("Family and carers", "Support for people close to someone who self-harms."),
    "support:information": ("Information and advice", "Information about support and where to find it."),
    "audience:young-adults": ("Young adults (18 to 25)", "Designed for adults aged 18 to 25."),
    "audience:older-adults": ("Older adults (55 and over)", "Designed for adults aged 55 and over."),
    "audience:women": ("Women", "Designed for women."),
    "audience:men": ("Men", "Designed for men."),
    "audience:lgbtq": ("LGBTQ+ people", "Designed for lesbian, gay, bisexual, trans and queer people."),
    "audience:ethnic-minority": ("Ethnic minority communities", "Designed for people from ethnic minority communities."),
    "audience:students": ("Students", "Designed for students."),
    "audience:employees": ("People in work", "Designed for people in work."),
    "audience:neurodivergent": ("Neurodivergent people", "Designed for autistic, ADHD and other neurodivergent people."),
    "audience:veterans": ("Armed forces veterans", "Designed for people who have served in the armed forces."),
    "audience:carers": ("Carers", "Designed for family members, friends and carers."),
    "eligibility:women-only": ("Women only", "Only women can use this service."),
    "eligibility:men-only": ("Men only", "Only men can use this service."),
    "eligibility:students-only": ("Students only", "Only students of the college or university can use this service."),
    "eligibility:employees-only": ("Employees only", "Only people who work for the employer can use this service."),
    "eligibility:members-only": ("Members only", "Only the organisation's own students, staff or members can use this service."),
    "access-needs:wheelchair": ("Wheelchair access", "Step-free access and an accessible toilet."),
    "access-needs:bsl": ("British Sign Language", "Support in British Sign Language (BSL)."),
    "access-needs:interpreter": ("Interpreters", "An interpreter can be booked for you."),
    "access-needs:hearing-loop": ("Hearing loop", "A hearing loop is fitted."),
    "access-needs:neurodivergent-adjustments": ("Neurodivergent-friendly", "Adjustments for autistic and other neurodivergent people."),
    "access-needs:quiet-space": ("Quiet space", "A quiet room is available."),
    "access-needs:easy-read": ("Easy Read", "Information in Easy Read."),
    "setting:community-venue": ("Community venue", "A community centre, church hall or similar."),
    "setting:gp-practice": ("GP practice", "At a GP practice."),
    "setting:community-pharmacy": ("Community pharmacy", "At a local pharmacy."),
    "setting:university": ("University", "On a university campus."),
    "setting:college": ("College", "At a college."),
    "setting:workplace": ("Workplace", "At work."),
    "setting:hospital": ("Hospital", "At a hospital."),
    "sector:vcse": ("Voluntary and community sector", "Run by a charity, community group or social enterprise."),
    "sector:nhs": ("NHS", "Run by the NHS."),
    "sector:local-authority": ("Local council", "Run by the local council."),
    "sector:education": ("College or university", "Run by a college or university."),
    "sector:employer": ("Employer", "Run by an employer for its staff."),
    "expect:session-minutes": ("Session length in minutes", "How long each session lasts."),
    "expect:sessions": ("Number of sessions", "How many sessions you get, or ongoing."),
    "expect:frequency": ("How often", "How often sessions happen."),
    "expect:first-contact": ("What happens first", "What happens when you first get in touch."),
    "expect:typical-wait-days": ("Typical wait in days", "The usual wait before support starts, as published by the provider."),
    "schedule:closed-bank-holidays": ("Closed on bank holidays", "Closed on bank holidays in England."),
}
VOCAB_ORDER = {code: i for i, code in enumerate(VOCAB)}
EXPECT_KEYS = {"minutes": "expect:session-minutes", "sessions": "expect:sessions", "freq": "expect:frequency",
               "first": "expect:first-contact", "wait": "expect:typical-wait-days"}

LANGUAGES = {
    "en": "English", "ur": "Urdu", "pa": "Punjabi", "bn": "Bengali", "pl": "Polish", "ar": "Arabic",
    "ku": "Kurdish", "fa": "Persian (Farsi)", "ro": "Romanian", "sk": "Slovak", "cs": "Czech", "gu": "Gujarati",
    "so": "Somali",
}

# --------------------------------------------------------------------------------------------------
# Places. Town centres (for the ~3 km check) and venue base points. Venues get a small, deterministic
# offset (under ~400 m) from their base point so that no two sit on exactly the same spot.
# --------------------------------------------------------------------------------------------------
CENTRES = {  # city name as written in addresses -> (lat, lon)
    "Sheffield": (53.381, -1.470), "Leeds": (53.797, -1.544), "Otley": (53.905, -1.693),
    "Bradford": (53.795, -1.759), "Keighley": (53.867, -1.911), "Shipley": (53.833, -1.777),
    "Ilkley": (53.925, -1.822), "Halifax": (53.722, -1.858), "Hebden Bridge": (53.741, -2.012),
    "Todmorden": (53.714, -2.097), "Brighouse": (53.703, -1.784), "Huddersfield": (53.646, -1.781),
    "Dewsbury": (53.691, -1.633), "Batley": (53.716, -1.628), "Holmfirth": (53.571, -1.787),
    "Wakefield": (53.683, -1.499), "Pontefract": (53.692, -1.312), "Castleford": (53.725, -1.356),
    "Hemsworth": (53.612, -1.351), "Barnsley": (53.553, -1.482), "Penistone": (53.525, -1.629),
    "Hoyland": (53.498, -1.443), "Rotherham": (53.430, -1.357), "Maltby": (53.424, -1.200),
    "Wath-upon-Dearne": (53.502, -1.343), "Doncaster": (53.523, -1.134), "Mexborough": (53.493, -1.285),
    "Thorne": (53.611, -0.961), "Hull": (53.744, -0.332), "Beverley": (53.842, -0.435),
    "Bridlington": (54.083, -0.193), "Goole": (53.704, -0.873), "Driffield": (54.006, -0.440),
    "Grimsby": (53.567, -0.080), "Cleethorpes": (53.558, -0.030), "Immingham": (53.614, -0.218),
    "Scunthorpe": (53.588, -0.654), "Brigg": (53.553, -0.491), "Barton-upon-Humber": (53.685, -0.436),
    "Harrogate": (53.992, -1.541), "Scarborough": (54.283, -0.400), "Whitby": (54.486, -0.615),
    "Skipton": (53.962, -2.017), "Northallerton": (54.339, -1.434), "Selby": (53.784, -1.067),
    "Malton": (54.136, -0.797), "Richmond": (54.403, -1.737), "York": (53.959, -1.081),
}

# Outcodes (postcode districts) that really belong to each town; venues' postcodes must use one.
OUTCODES = {
    "Sheffield": {"S1", "S2", "S3", "S4", "S5", "S10", "S11"}, "Leeds": {"LS1", "LS2", "LS6", "LS7", "LS8", "LS10", "LS11", "LS12"},
    "Otley": {"LS21"}, "Bradford": {"BD1", "BD3", "BD5", "BD8", "BD9"}, "Keighley": {"BD21"},
    "Shipley": {"BD18"}, "Ilkley": {"LS29"}, "Halifax": {"HX1", "HX3"}, "Hebden Bridge": {"HX7"},
    "Todmorden": {"OL14"}, "Brighouse": {"HD6"}, "Huddersfield": {"HD1", "HD3"}, "Dewsbury": {"WF13"},
    "Batley": {"WF17"}, "Holmfirth": {"HD9"}, "Wakefield": {"WF1"}, "Pontefract": {"WF8"},
    "Castleford": {"WF10"}, "Hemsworth": {"WF9"}, "Barnsley": {"S70", "S75"}, "Penistone": {"S36"},
    "Hoyland": {"S74"}, "Rotherham": {"S60", "S65"}, "Maltby": {"S66"}, "Wath-upon-Dearne": {"S63"},
    "Doncaster": {"DN1", "DN2"}, "Mexborough": {"S64"}, "Thorne": {"DN8"},
    "Hull": {"HU1", "HU2", "HU3", "HU9"}, "Beverley": {"HU17"}, "Bridlington": {"YO15", "YO16"},
    "Goole": {"DN14"}, "Driffield": {"YO25"}, "Grimsby": {"DN31", "DN32", "DN33"}, "Cleethorpes": {"DN35"},
    "Immingham": {"DN40"}, "Scunthorpe": {"DN15", "DN16"}, "Brigg": {"DN20"}, "Barton-upon-Humber": {"DN18"},
    "Harrogate": {"HG1", "HG2"}, "Scarborough": {"YO11", "YO12"}, "Whitby": {"YO21", "YO22"},
    "Skipton": {"BD23"}, "Northallerton": {"DL6", "DL7"}, "Selby": {"YO8"}, "Malton": {"YO17"},
    "Richmond": {"DL10"}, "York": {"YO1", "YO10", "YO26", "YO30", "YO31"},
}

CITY_LA = {
    "Sheffield": "Sheffield", "Leeds": "Leeds", "Otley": "Leeds", "Bradford": "Bradford", "Keighley": "Bradford",
    "Shipley": "Bradford", "Ilkley": "Bradford", "Halifax": "Calderdale", "Hebden Bridge": "Calderdale",
    "Todmorden": "Calderdale", "Brighouse": "Calderdale", "Huddersfield": "Kirklees", "Dewsbury": "Kirklees",
    "Batley": "Kirklees", "Holmfirth": "Kirklees", "Wakefield": "Wakefield", "Pontefract": "Wakefield",
    "Castleford": "Wakefield", "Hemsworth": "Wakefield", "Barnsley": "Barnsley", "Penistone": "Barnsley",
    "Hoyland": "Barnsley", "Rotherham": "Rotherham", "Maltby": "Rotherham", "Wath-upon-Dearne": "Rotherham",
    "Doncaster": "Doncaster", "Mexborough": "Doncaster", "Thorne": "Doncaster", "Hull": "Kingston upon Hull",
    "Beverley": "East Riding of Yorkshire", "Bridlington": "East Riding of Yorkshire",
    "Goole": "East Riding of Yorkshire", "Driffield": "East Riding of Yorkshire",
    "Grimsby": "North East Lincolnshire", "Cleethorpes": "North East Lincolnshire",
    "Immingham": "North East Lincolnshire", "Scunthorpe": "North Lincolnshire", "Brigg": "North Lincolnshire",
    "Barton-upon-Humber": "North Lincolnshire", "Harrogate": "North Yorkshire", "Scarborough": "North Yorkshire",
    "Whitby": "North Yorkshire", "Skipton": "North Yorkshire", "Northallerton": "North Yorkshire",
    "Selby": "North Yorkshire", "Malton": "North Yorkshire", "Richmond": "North Yorkshire", "York": "York",
}

# Access flags for venues: W = step-free with accessible toilet, L = hearing loop, Q = quiet room.
ACCESS_TEXT = {
    "W": "Step-free entrance and an accessible toilet.",
    "L": "Hearing loop in the main room.",
    "Q": "A quiet room you can use if you need a break.",
}

# key: (venue name, address line, city, postcode, base lat, base lon, access flags, note)
VENUES = {
    # Sheffield
    "shf-carver": ("Carver Street Community Rooms", "14 Carver Street", "Sheffield", "S1 4FS", 53.3795, -1.4745, "WL", ""),
    "shf-heeley": ("Heeley Bank Community Centre", "2 Gleadless Road", "Sheffield", "S2 3AE", 53.3625, -1.4665, "WQ", ""),
    "shf-sharrow": ("Sharrow Vale Counselling Rooms", "31 Abbeydale Road", "Sheffield", "S11 8TB", 53.3690, -1.4790, "Q", "Counselling rooms are on the ground floor."),
    "shf-pitsmoor": ("Pitsmoor Roots Centre", "88 Abbeyfield Road", "Sheffield", "S4 7AT", 53.3965, -1.4580, "WLQ", ""),
    "shf-kelham": ("Lantern House", "5 Alma Street", "Sheffield", "S3 8SA", 53.3895, -1.4735, "WQ", "Enter by the side door on the left after 8pm."),
    "shf-norfolk": ("Forge Lane Studios", "40 Granville Road", "Sheffield", "S2 2RJ", 53.3745, -1.4585, "W", ""),
    "shf-gp-east": ("Broad Street Medical Practice", "120 Broad Street", "Sheffield", "S2 5TG", 53.3830, -1.4560, "WL", ""),
    "shf-gp-west": ("Crookesmoor Health Centre", "9 Oxford Street", "Sheffield", "S10 2HW", 53.3840, -1.4880, "WL", ""),
    "shf-hospital": ("Five Weirs Hospital, Outpatients C", "Herries Lane", "Sheffield", "S5 7AU", 53.4075, -1.4585, "WLQ", ""),
    "shf-pharmacy-centre": ("Fargate Community Pharmacy", "22 Chapel Walk", "Sheffield", "S1 2PD", 53.3820, -1.4690, "W", ""),
    "shf-pharmacy-heeley": ("Heeley Green Pharmacy", "310 Gleadless Road", "Sheffield", "S2 3AJ", 53.3640, -1.4640, "W", ""),
    "shf-uni": ("Porter Brook University Student Centre", "Western Bank Walk", "Sheffield", "S10 2TN", 53.3815, -1.4875, "WLQ", ""),
    # Leeds
    "lds-vicar": ("Vicar Lane Meeting Rooms", "45 Vicar Lane", "Leeds", "LS2 7JB", 53.7985, -1.5400, "WL", ""),
    "lds-chapeltown": ("Chapeltown Sisters Centre", "12 Reginald Terrace", "Leeds", "LS7 3EX", 53.8170, -1.5310, "WQ", ""),
    "lds-harehills": ("Harehills Corner Drop-in Centre", "201 Harehills Lane", "Leeds", "LS8 5HS", 53.8100, -1.5150, "WL", ""),
    "lds-gp-beeston": ("Beeston Hill Health Centre", "60 Cemetery Road", "Leeds", "LS11 8SU", 53.7780, -1.5555, "WL", ""),
    "lds-gp-harehills": ("Roundhay Road Surgery", "310 Roundhay Road", "Leeds", "LS8 5PF", 53.8125, -1.5190, "WL", ""),
    "lds-lgi": ("Aire and Wharfe General Hospital, Ward 40 Clinic", "Great George Street", "Leeds", "LS1 3EX", 53.8020, -1.5520, "WLQ", ""),
    "lds-skills": ("Park Square Therapy Centre", "7 Park Square East", "Leeds", "LS1 2NE", 53.7995, -1.5520, "WLQ", ""),
    "lds-uni": ("Aire Valley University Wellbeing Centre", "Woodhouse Lane", "Leeds", "LS2 9JT", 53.8070, -1.5530, "WLQ", ""),
    "lds-briggate": ("Briggate Rainbow Peer Space", "3 Lower Briggate", "Leeds", "LS1 6ER", 53.7950, -1.5425, "WL", ""),
    "lds-civic": ("Merrion Community Hub", "18 Merrion Way", "Leeds", "LS2 8BT", 53.8015, -1.5430, "WLQ", ""),
    "lds-armley": ("Armley Workbench", "Unit 4, Town Street Yard", "Leeds", "LS12 3HL", 53.7980, -1.5850, "W", "Workshop with a separate quiet kitchen."),
    "lds-beeston": ("Cross Flatts Park Pavilion", "Harlech Road", "Leeds", "LS11 7DN", 53.7770, -1.5580, "W", ""),
    "lds-hydepark": ("Hyde Park Counselling Rooms", "27 Brudenell Road", "Leeds", "LS6 1EG", 53.8115, -1.5660, "Q", "Rooms are up one flight of stairs. Ask for a ground-floor room."),
    "lds-headrow": ("Headrow Arts Rooms", "52 The Headrow", "Leeds", "LS1 8TL", 53.8000, -1.5460, "WL", ""),
    "lds-hunslet": ("Aire Logistics Hunslet Depot", "Hunslet Trading Estate", "Leeds", "LS10 1QR", 53.7825, -1.5300, "W", "Staff entrance only."),
    "otley": ("Otley Methodist Hall", "Boroughgate", "Otley", "LS21 3AL", 53.9050, -1.6935, "WL", ""),
    # Bradford
    "brd-manningham": ("Sahayata House", "90 Lumb Lane", "Bradford", "BD8 7RS", 53.8050, -1.7675, "WLQ", ""),
    "brd-barkerend": ("Wspólnota Community Hub", "41 Barkerend Road", "Bradford", "BD3 9AW", 53.7990, -1.7385, "W", ""),
    "brd-city": ("Bradford Wellbeing Shop", "8 Tyrrel Street", "Bradford", "BD1 1RU", 53.7935, -1.7540, "WLQ", ""),
    "brd-hospital": ("Aire and Wharfe Hospital Bradford, Clinic 9", "Duckworth Lane", "Bradford", "BD9 6RJ", 53.8055, -1.7940, "WLQ", ""),
    "brd-gp-bowling": ("West Bowling Medical Centre", "15 Newton Street", "Bradford", "BD5 0BT", 53.7820, -1.7560, "WL", ""),
    "brd-gp-barkerend": ("Barkerend Health Centre", "Barkerend Road", "Bradford", "BD3 8QH", 53.8000, -1.7330, "WL", ""),
    "keighley": ("Worth Valley Centre", "23 Cavendish Street", "Keighley", "BD21 3RB", 53.8675, -1.9100, "WL", ""),
    "shipley": ("Shipley Library Community Room", "2 Well Croft", "Shipley", "BD18 3QH", 53.8330, -1.7775, "WL", ""),
    "shipley-mill": ("Millside Chapel Hall", "Kirkgate", "Shipley", "BD18 3EH", 53.8345, -1.7790, "W", ""),
    "ilkley": ("Wharfedale Counselling Co-op", "6 The Grove", "Ilkley", "LS29 9EE", 53.9255, -1.8245, "Q", ""),
    # Calderdale
    "hebden": ("Calder Valley Peer Circle Room", "Upper Floor, 3 Market Street", "Hebden Bridge", "HX7 6AA", 53.7415, -2.0125, "Q", "Upstairs room with no lift. Tell us if you need to meet downstairs."),
    "halifax": ("Heartspace", "17 Harrison Road", "Halifax", "HX1 2AF", 53.7215, -1.8650, "WQ", ""),
    "halifax-college": ("Calder Bank College, Student Services", "Francis Street", "Halifax", "HX1 3UZ", 53.7205, -1.8700, "WLQ", ""),
    "halifax-hospital": ("Calder and Colne Hospital, Outpatients", "Salterhebble Hill", "Halifax", "HX3 0PW", 53.7080, -1.8690, "WLQ", ""),
    "halifax-gp": ("Horton Street Surgery", "4 Horton Street", "Halifax", "HX1 1QE", 53.7205, -1.8560, "WL", ""),
    "todmorden": ("Hillside Project Rooms", "11 Water Street", "Todmorden", "OL14 5AB", 53.7135, -2.0960, "W", ""),
    "brighouse": ("Canalside Community Room", "Mill Royd Street", "Brighouse", "HD6 1EY", 53.7030, -1.7830, "WL", ""),
    # Kirklees
    "huddersfield": ("Byram Street Peer Café", "9 Byram Street", "Huddersfield", "HD1 1DR", 53.6470, -1.7800, "WL", ""),
    "hud-uni": ("Colne Valley University Student Hub", "Queensgate", "Huddersfield", "HD1 3DH", 53.6430, -1.7775, "WLQ", ""),
    "hud-connect": ("Kirklees Wellbeing Connect, Huddersfield", "Civic Centre 1, High Street", "Huddersfield", "HD1 2NF", 53.6455, -1.7850, "WL", ""),
    "hud-hospital": ("Calder and Colne Hospital Huddersfield, Clinic 4", "Acre Street", "Huddersfield", "HD3 3EA", 53.6535, -1.8075, "WLQ", ""),
    "hud-gp": ("Lockside Medical Centre", "85 Lowergate", "Huddersfield", "HD1 1PR", 53.6475, -1.7760, "WL", ""),
    "dewsbury": ("Noor Centre", "27 Savile Town Road", "Dewsbury", "WF13 2ES", 53.6880, -1.6330, "WLQ", ""),
    "dewsbury-connect": ("Dewsbury Town Hall Annexe", "Wakefield Old Road", "Dewsbury", "WF13 1HS", 53.6905, -1.6300, "WL", ""),
    "batley": ("Batley Young Adults Project", "14 Commercial Street", "Batley", "WF17 5HH", 53.7160, -1.6280, "W", ""),
    "holmfirth": ("Holme Valley Talking Shop", "2 Victoria Street", "Holmfirth", "HD9 3DE", 53.5710, -1.7870, "", "Small shop front with one step at the door."),
    # Wakefield
    "wakefield": ("Westgate Peer Rooms", "33 Westgate", "Wakefield", "WF1 1JY", 53.6825, -1.5030, "WL", ""),
    "wakefield-council": ("Wakefield One Community Hub", "Burton Street", "Wakefield", "WF1 2EB", 53.6850, -1.4990, "WLQ", ""),
    "wakefield-hospital": ("Calder and Colne Hospital Wakefield, Clinic B", "Aberford Road", "Wakefield", "WF1 4DG", 53.6915, -1.4870, "WLQ", ""),
    "wakefield-gp": ("Northgate Surgery", "71 Northgate", "Wakefield", "WF1 3BS", 53.6870, -1.4985, "WL", ""),
    "pontefract": ("Five Towns Listening Post", "5 Ropergate", "Pontefract", "WF8 1LP", 53.6915, -1.3120, "WL", ""),
    "castleford": ("Castleford Community Rooms", "42 Carlton Street", "Castleford", "WF10 1AY", 53.7250, -1.3560, "W", ""),
    "castleford-foods": ("Castleford Foods, Welfare Block", "Wheldon Road Industrial Estate", "Castleford", "WF10 2SE", 53.7235, -1.3480, "WQ", "Staff entrance only."),
    "hemsworth": ("Hemsworth Welfare Hall", "Barnsley Road", "Hemsworth", "WF9 4PX", 53.6120, -1.3505, "WL", ""),
    # Barnsley
    "barnsley": ("Pennine Peer Rooms", "19 Regent Street", "Barnsley", "S70 2EG", 53.5535, -1.4815, "WL", ""),
    "barnsley-eldonst": ("Eldon Street Centre", "3 Eldon Street", "Barnsley", "S70 2JL", 53.5525, -1.4780, "WLQ", ""),
    "barnsley-hospital": ("Dearne Valley Hospital, Clinic 2", "Gawber Road", "Barnsley", "S75 2EP", 53.5595, -1.5040, "WLQ", ""),
    "barnsley-gp": ("Shambles Street Surgery", "60 Shambles Street", "Barnsley", "S70 2SH", 53.5545, -1.4870, "WL", ""),
    "barnsley-pharmacy": ("Market Gate Pharmacy", "11 Market Hill", "Barnsley", "S70 2PB", 53.5530, -1.4825, "W", ""),
    "barnsley-connect": ("Barnsley Wellbeing Connect", "Gateway Plaza, Sackville Street", "Barnsley", "S70 2RD", 53.5520, -1.4855, "WLQ", ""),
    "penistone": ("Fellside Rooms", "Market Street", "Penistone", "S36 6BZ", 53.5250, -1.6290, "W", ""),
    "hoyland": ("Hoyland Library Meeting Room", "High Street", "Hoyland", "S74 9AF", 53.4980, -1.4430, "WL", ""),
    # Rotherham
    "rotherham": ("Rotherham Riverside College, Student Services", "Eastwood Lane", "Rotherham", "S65 1EG", 53.4320, -1.3520, "WLQ", ""),
    "rotherham-kinship": ("Kinship Circle Rooms", "16 Moorgate Street", "Rotherham", "S60 2EY", 53.4275, -1.3560, "WL", ""),
    "rotherham-haven": ("Rother Haven", "7 Corporation Street", "Rotherham", "S60 1NG", 53.4310, -1.3585, "WQ", ""),
    "rotherham-hospital": ("Dearne Valley Hospital Rotherham, Clinic 6", "Moorgate Road", "Rotherham", "S60 2UD", 53.4150, -1.3410, "WLQ", ""),
    "rotherham-gp": ("Clifton Lane Surgery", "4 Clifton Lane", "Rotherham", "S65 1AB", 53.4285, -1.3480, "WL", ""),
    "maltby": ("Maltby Mend and Make", "38 High Street", "Maltby", "S66 8LE", 53.4240, -1.2000, "W", ""),
    "wath": ("Wath Community Hall", "Church Street", "Wath-upon-Dearne", "S63 7RD", 53.5020, -1.3430, "WL", ""),
    # Doncaster
    "doncaster": ("Frenchgate Peer Rooms", "26 Printing Office Street", "Doncaster", "DN1 1TJ", 53.5235, -1.1365, "WL", ""),
    "doncaster-rail": ("Railway Town Community Hall", "Hexthorpe Road", "Doncaster", "DN1 3EW", 53.5195, -1.1440, "W", ""),
    "doncaster-park": ("Town Fields Pavilion", "Town Moor Avenue", "Doncaster", "DN2 6BL", 53.5265, -1.1160, "W", ""),
    "doncaster-council": ("Doncaster Wellbeing Navigators", "Civic Office, Waterdale", "Doncaster", "DN1 3BU", 53.5200, -1.1335, "WLQ", ""),
    "doncaster-hospital": ("Dearne Valley Hospital Doncaster, Clinic 11", "Armthorpe Road", "Doncaster", "DN2 5LT", 53.5300, -1.1110, "WLQ", ""),
    "doncaster-gp": ("Hall Gate Surgery", "12 Hall Gate", "Doncaster", "DN1 3NE", 53.5210, -1.1300, "WL", ""),
    "mexborough": ("Mexborough Montagu Hall", "Main Street", "Mexborough", "S64 9DW", 53.4930, -1.2850, "WL", ""),
    "thorne": ("Thorne Moors Rooms", "King Street", "Thorne", "DN8 5AU", 53.6110, -0.9610, "W", ""),
    # Hull
    "hull-oldtown": ("Old Town Peer Rooms", "14 High Street", "Hull", "HU1 1PS", 53.7425, -0.3300, "WL", ""),
    "hull-uni": ("Humber Bank University, Queen's Dock Student Centre", "Queen's Dock Avenue", "Hull", "HU1 3DZ", 53.7465, -0.3360, "WLQ", ""),
    "hull-hessle": ("Hessle Road Women's Network", "301 Hessle Road", "Hull", "HU3 4BB", 53.7360, -0.3590, "WQ", ""),
    "hull-holderness": ("Eastside Centre", "150 Holderness Road", "Hull", "HU9 2AL", 53.7530, -0.3100, "WL", ""),
    "hull-rainbowtides": ("Rainbow Tides Rooms", "8 George Street", "Hull", "HU2 8LU", 53.7460, -0.3370, "WL", ""),
    "hull-springbank": ("Welcome Table Centre", "95 Spring Bank", "Hull", "HU3 1BH", 53.7515, -0.3510, "WLQ", ""),
    "hull-hospital": ("Humber Estuary Hospital, Clinic 14", "Anlaby Road", "Hull", "HU3 2JZ", 53.7440, -0.3580, "WLQ", ""),
    "hull-gp-west": ("Anlaby Road Health Centre", "210 Anlaby Road", "Hull", "HU3 2RS", 53.7435, -0.3500, "WL", ""),
    "hull-dock": ("Humber Wind Services, Alexandra Dock Office", "Alexandra Dock", "Hull", "HU9 1TA", 53.7445, -0.3030, "W", "Staff entrance only."),
    # East Riding
    "beverley": ("Westwood Counselling", "24 Lairgate", "Beverley", "HU17 8ET", 53.8400, -0.4355, "Q", ""),
    "beverley-council": ("East Riding Wellbeing Navigators", "County Hall Annexe, Cross Street", "Beverley", "HU17 9BA", 53.8415, -0.4320, "WLQ", ""),
    "beverley-gp": ("Minster Moorgate Surgery", "7 Minster Moorgate", "Beverley", "HU17 8HP", 53.8395, -0.4290, "WL", ""),
    "bridlington": ("Harbour Wellbeing Rooms", "12 Harbour Road", "Bridlington", "YO15 2NR", 54.0815, -0.1930, "WL", ""),
    "goole": ("Goole Port Community Hub", "36 Boothferry Road", "Goole", "DN14 5DG", 53.7040, -0.8730, "W", ""),
    "driffield": ("Driffield Town Council Rooms", "Exchange Street", "Driffield", "YO25 6LL", 54.0060, -0.4400, "W", ""),
    # North East Lincolnshire
    "grimsby": ("Docks Peer Rooms", "6 Victoria Street West", "Grimsby", "DN31 1DB", 53.5665, -0.0840, "WL", ""),
    "grimsby-freeman": ("Freeman Street Women's Project", "120 Freeman Street", "Grimsby", "DN32 7AH", 53.5740, -0.0720, "WQ", ""),
    "grimsby-council": ("Grimsby and Cleethorpes Community Connect", "Town Hall Square", "Grimsby", "DN31 1HX", 53.5640, -0.0860, "WLQ", ""),
    "grimsby-hospital": ("Humber Estuary Hospital Grimsby, Clinic 3", "Scartho Road", "Grimsby", "DN33 2BA", 53.5545, -0.0890, "WLQ", ""),
    "grimsby-gp": ("Freshney Green Surgery", "40 Town Hall Street", "Grimsby", "DN31 1HY", 53.5660, -0.0890, "WL", ""),
    "cleethorpes": ("Shoreline Wellbeing", "10 Alexandra Road", "Cleethorpes", "DN35 8LQ", 53.5600, -0.0290, "WL", ""),
    "immingham": ("Immingham Civic Centre Room 2", "Pelham Road", "Immingham", "DN40 1QF", 53.6140, -0.2180, "WL", ""),
    # North Lincolnshire
    "scunthorpe": ("Furnace Peer Rooms", "48 High Street", "Scunthorpe", "DN15 6SB", 53.5890, -0.6520, "WL", ""),
    "scunthorpe-hospital": ("Humber Estuary Hospital Scunthorpe, Clinic 5", "Cliff Gardens", "Scunthorpe", "DN15 7BH", 53.5835, -0.6640, "WLQ", ""),
    "scunthorpe-gp": ("Ashby Road Health Centre", "95 Ashby Road", "Scunthorpe", "DN16 1AA", 53.5840, -0.6480, "WL", ""),
    "scunthorpe-pharmacy": ("Church Square Pharmacy", "5 Church Square", "Scunthorpe", "DN15 6TB", 53.5880, -0.6560, "W", ""),
    "brigg": ("Ancholme Wellbeing Rooms", "Wrawby Street", "Brigg", "DN20 8JH", 53.5530, -0.4890, "W", ""),
    "barton": ("Ropewalk Rooms", "Maltkiln Road", "Barton-upon-Humber", "DN18 5JT", 53.6860, -0.4370, "W", ""),
    # North Yorkshire
    "harrogate": ("Stray Counselling", "21 Victoria Avenue", "Harrogate", "HG1 1EL", 53.9905, -1.5400, "Q", ""),
    "harrogate-peers": ("St Mary's Walk Hall", "St Mary's Walk", "Harrogate", "HG2 0LW", 53.9895, -1.5445, "WL", ""),
    "harrogate-gp": ("Station Parade Surgery", "30 Station Parade", "Harrogate", "HG1 1TT", 53.9930, -1.5380, "WL", ""),
    "scarborough": ("Bay Wellbeing Hub", "9 Huntriss Row", "Scarborough", "YO11 2ED", 54.2815, -0.4025, "WLQ", ""),
    "scarborough-gp": ("Falsgrave Road Surgery", "77 Falsgrave Road", "Scarborough", "YO12 5EA", 54.2790, -0.4150, "WL", ""),
    "scarborough-hospital": ("Moors and Vale Hospital Scarborough, Clinic 1", "Woodlands Drive", "Scarborough", "YO12 6QL", 54.2800, -0.4200, "WLQ", ""),
    "whitby": ("Harbour Listening Post", "3 Flowergate", "Whitby", "YO21 3BA", 54.4855, -0.6155, "", "Old building with steps at the front door."),
    "skipton": ("Craven Dales Outreach Base", "18 Otley Street", "Skipton", "BD23 1EW", 53.9610, -2.0145, "WL", ""),
    "northallerton": ("Hambleton House", "Racecourse Lane", "Northallerton", "DL7 8AD", 54.3385, -1.4355, "WLQ", ""),
    "northallerton-gp": ("Zetland Street Surgery", "2 Zetland Street", "Northallerton", "DL6 1NA", 54.3395, -1.4310, "WL", ""),
    "selby": ("Selby Ouse Wellbeing", "14 Micklegate", "Selby", "YO8 4EQ", 53.7845, -1.0680, "W", ""),
    "malton": ("Malton Assembly Rooms, Room 3", "Market Place", "Malton", "YO17 7LP", 54.1355, -0.7975, "W", ""),
    "richmond": ("Frenchgate Health Centre", "Frenchgate", "Richmond", "DL10 4JA", 54.4040, -1.7350, "WL", ""),
    # York
    "york-uni": ("Ouse and Foss University, Heslington Wellbeing Centre", "University Road", "York", "YO10 5DD", 53.9475, -1.0530, "WLQ", ""),
    "york-walls": ("York Walls Peer Rooms", "6 Gillygate", "York", "YO31 7EQ", 53.9635, -1.0855, "WL", ""),
    "york-acomb": ("Acomb Women's Space", "28 Front Street", "York", "YO26 5BW", 53.9545, -1.1200, "WQ", ""),
    "york-acomb-hall": ("Acomb Green Hall", "The Green", "York", "YO26 5LS", 53.9560, -1.1180, "WL", ""),
    "york-snickelways": ("Snickelways Studio", "4 Grape Lane", "York", "YO1 7HU", 53.9615, -1.0805, "", "Historic building with narrow stairs to the studio."),
    "york-council": ("York Wellbeing Navigators", "West Offices, Station Rise", "York", "YO1 6GA", 53.9575, -1.0900, "WLQ", ""),
    "york-hospital": ("Moors and Vale Hospital York, Clinic 7", "Wigginton Road", "York", "YO31 8HE", 53.9685, -1.0845, "WLQ", ""),
    "york-gp": ("Huntington Road Surgery", "35 Huntington Road", "York", "YO31 7RL", 53.9665, -1.0740, "WL", ""),
    "york-snug": ("The Snug", "19 Walmgate", "York", "YO1 9TX", 53.9570, -1.0760, "WQ", ""),
    "york-fossbridge": ("Foss Bridge Insurance, Fishergate House", "Fishergate", "York", "YO10 4FA", 53.9520, -1.0780, "WL", "Staff entrance only."),
}


# Issue 17: every university in the region has a fictional counterpart, with a few more colleges and employers.
VENUES.update({
    "shf-uni2": ("Rivelin University Student Hub", "Howard Street", "Sheffield", "S1 1WB", 53.3785, -1.4650, "WLQ", ""),
    "lds-uni-city": ("Meanwood University Student Wellbeing, City Campus", "Portland Way", "Leeds", "LS1 3HE", 53.8035, -1.5485, "WLQ", ""),
    "lds-uni-hall": ("Horsforth Hall University, Headingley Student Support", "Cardigan Road", "Leeds", "LS6 1LF", 53.8125, -1.5700, "WL", ""),
    "lds-arts": ("Woodhouse Moor Arts University, Student Advice", "Blenheim Walk", "Leeds", "LS2 9AQ", 53.8065, -1.5560, "WQ", ""),
    "lds-conservatoire": ("Quarry Hill Conservatoire, Student Support", "Quarry Hill", "Leeds", "LS2 7PD", 53.7990, -1.5330, "WLQ", ""),
    "brd-uni": ("Bradford Beck University Student Wellbeing", "Richmond Road", "Bradford", "BD1 4DP", 53.7915, -1.7640, "WLQ", ""),
    "york-uni2": ("Minster Gates University Wellbeing Centre", "Lord Mayor's Walk", "York", "YO31 7EY", 53.9645, -1.0790, "WLQ", ""),
    "wakefield-college": ("Chantry Bridge College, Student Services", "Margaret Street", "Wakefield", "WF1 2DJ", 53.6860, -1.5050, "WLQ", ""),
    "grimsby-college": ("Grimsby Haven College, Learner Support", "Nuns Corner", "Grimsby", "DN33 1BX", 53.5560, -0.0960, "WL", ""),
    "doncaster-college": ("Town Field College, Student Hub", "Waterdale", "Doncaster", "DN1 3EX", 53.5200, -1.1350, "WLQ", ""),
    "brd-mill": ("Bowling Beck Textiles, Mill Lane Works", "Mill Lane", "Bradford", "BD5 0HF", 53.7830, -1.7520, "W", ""),
    "shf-forge": ("Loxley Edge Steel, Attercliffe Works", "Worksop Road", "Sheffield", "S4 7YA", 53.3940, -1.4480, "WL", ""),
})

def venue_coords(key: str) -> tuple[float, float]:
    v = VENUES[key]
    hv = h("venue:" + key)
    dlat = ((hv & 0xFFFF) / 0xFFFF - 0.5) * 0.004  # about ±220 m
    dlon = (((hv >> 16) & 0xFFFF) / 0xFFFF - 0.5) * 0.006  # about ±200 m
    return round(v[4] + dlat, 5), round(v[5] + dlon, 5)


# --------------------------------------------------------------------------------------------------
# Organisations: key -> (name, sector code, description). Fictional unless marked real.
# --------------------------------------------------------------------------------------------------
ORGS = {
    # Sheffield
    "steelvalley": ("Steel Valley Peer Network", "sector:vcse", "A small Sheffield charity run by and for people with lived experience of self-harm. It runs peer groups in the city and online."),
    "sheafwomen": ("Sheaf Women's Circle", "sector:vcse", "A women's wellbeing charity in Sheffield offering groups and one-to-one support in a women-only space."),
    "sharrowtalk": ("Sharrow Talking Space", "sector:vcse", "A community counselling project in Sharrow, Sheffield, offering free and low-cost counselling."),
    "pitsmoor": ("Pitsmoor Roots Community Wellbeing", "sector:vcse", "A community organisation in north-east Sheffield supporting people from many cultures, in several languages."),
    "kelham": ("Kelham Lantern CIC", "sector:vcse", "A social enterprise that runs an evening and late-night crisis café in Sheffield."),
    "forgelane": ("Forge Lane Art Studio", "sector:vcse", "An arts charity using creative activities to support people's mental health."),
    "fiveweirs": ("Five Weirs NHS Foundation Trust", "sector:nhs", "The NHS trust providing mental health and community services in Sheffield."),
    "porterbrook": ("Porter Brook University", "sector:education", "A university in Sheffield with wellbeing and counselling services for its students and staff."),
    # Leeds
    "kirkgate": ("Kirkgate Peer Collective", "sector:vcse", "A Leeds peer support charity led by people with lived experience of self-harm."),
    "chapeltown": ("Chapeltown Sisters Wellbeing Project", "sector:vcse", "A community project in Chapeltown, Leeds, for women from Black, Asian and other ethnic minority communities."),
    "harehills": ("Harehills Corner Drop-in Centre", "sector:vcse", "A drop-in centre in Harehills, Leeds, welcoming people from many communities, with workers who speak several languages."),
    "airewharfe": ("Aire and Wharfe Care NHS Trust", "sector:nhs", "The NHS trust providing mental health services in Leeds and Bradford."),
    "airevalleyuni": ("Aire Valley University", "sector:education", "A university in Leeds with a student wellbeing service."),
    "briggate": ("Briggate Rainbow Peer Space", "sector:vcse", "An LGBTQ+ peer support group based in Leeds, with online groups for people across Yorkshire and the Humber."),
    "leedsconnect": ("Leeds Community Wellbeing Connect", "sector:local-authority", "The council's wellbeing navigation and befriending team in Leeds."),
    "armleybench": ("Armley Workbench", "sector:vcse", "A community workshop in Armley, Leeds, where men meet to make things and talk."),
    "beestonbrew": ("Beeston Forces Brew Club", "sector:vcse", "A social and peer support club for armed forces veterans in south Leeds."),
    "hydepark": ("Hyde Park Counselling Co-operative", "sector:vcse", "A not-for-profit counselling co-operative in Leeds with fees based on what you can afford."),
    "headrow": ("Headrow Creative Recovery", "sector:vcse", "A Leeds arts project for people living with mental health problems."),
    "airelogistics": ("Aire Logistics Group", "sector:employer", "A Leeds-based haulage and warehousing company."),
    # Bradford
    "sahayata": ("Manningham Sahayata Circle", "sector:vcse", "A Bradford community organisation supporting South Asian families with mental health, in English, Urdu, Punjabi and Bengali."),
    "keighleylisten": ("Worth Valley Listening Service", "sector:vcse", "A volunteer listening service based in Keighley, covering the Bradford district."),
    "shipleymill": ("Shipley Millside Peers", "sector:vcse", "A small peer group in Shipley for adults who self-harm."),
    "wspolnota": ("Wspólnota Community Hub Bradford", "sector:vcse", "A Bradford community hub for Polish and other Central and Eastern European people."),
    "wharfedalecoop": ("Wharfedale Counselling Co-op", "sector:vcse", "A counselling co-operative in Ilkley."),
    "bradnav": ("Bradford District Wellbeing Navigators", "sector:local-authority", "The council's wellbeing navigation team for the Bradford district."),
    # Calderdale
    "caldervalley": ("Calder Valley Peer Circle", "sector:vcse", "A peer support group in Hebden Bridge for adults who self-harm."),
    "heartspace": ("Halifax Heartspace Counselling", "sector:vcse", "A counselling charity in Halifax."),
    "todhill": ("Todmorden Hillside Project", "sector:vcse", "A community wellbeing project in Todmorden."),
    "calderbank": ("Calder Bank College", "sector:education", "A further education college in Halifax with many adult learners."),
    "caldercolne": ("Calder and Colne Healthcare NHS Trust", "sector:nhs", "The NHS trust providing mental health services in Calderdale, Kirklees and Wakefield."),
    "canalside": ("Brighouse Canalside Women's Project", "sector:vcse", "A women's group in Brighouse."),
    # Kirklees
    "byram": ("Byram Street Peer Café", "sector:vcse", "A peer-run café and support space in Huddersfield."),
    "noor": ("Dewsbury Noor Family Support", "sector:vcse", "A Dewsbury charity supporting South Asian families, in English, Urdu, Gujarati and Arabic."),
    "holmevalley": ("Holme Valley Talking Shop", "sector:vcse", "A small community wellbeing shop in Holmfirth."),
    "colnevalleyuni": ("Colne Valley University", "sector:education", "A university in Huddersfield with a student wellbeing hub."),
    "batleyya": ("Batley Young Adults Project", "sector:vcse", "A Batley charity for young adults aged 18 to 25."),
    "kirkconnect": ("Kirklees Wellbeing Connect", "sector:local-authority", "The council's wellbeing connector service in Kirklees."),
    # Wakefield
    "westgate": ("Westgate Peer Network", "sector:vcse", "A peer support charity in Wakefield."),
    "fivetowns": ("Five Towns Listening Post", "sector:vcse", "A volunteer listening and drop-in service for Pontefract, Castleford and nearby towns."),
    "hemsworthpv": ("Hemsworth Pit Village Wellbeing Group", "sector:vcse", "A community group for older people in Hemsworth and nearby villages."),
    "wakecomm": ("Wakefield Healthy Communities Team", "sector:local-authority", "The council's public health and wellbeing team in Wakefield."),
    "castlefoods": ("Castleford Foods Ltd", "sector:employer", "A food manufacturer in Castleford."),
    # Barnsley
    "pennine": ("Barnsley Pennine Peer Group", "sector:vcse", "A Barnsley peer support charity for adults who self-harm."),
    "dearne": ("Dearne Valley Health NHS Trust", "sector:nhs", "The NHS trust providing mental health services in Barnsley, Rotherham and Doncaster."),
    "eldonst": ("Barnsley Eldon Street Project", "sector:vcse", "A Barnsley wellbeing charity with a drop-in and work support."),
    "fellside": ("Penistone Fellside Wellbeing", "sector:vcse", "A wellbeing group for Penistone and the western Barnsley villages."),
    "barnsleyconnect": ("Barnsley Wellbeing Connect", "sector:local-authority", "The council's wellbeing navigation team in Barnsley."),
    # Rotherham
    "rivcollege": ("Rotherham Riverside College", "sector:education", "A further education college in Rotherham."),
    "kinship": ("Rotherham Kinship Circle", "sector:vcse", "A Rotherham charity supporting families and carers of people with mental health problems."),
    "maltbymend": ("Maltby Mend and Make", "sector:vcse", "A community craft group in Maltby."),
    "rotherhaven": ("Rother Haven Crisis Café CIC", "sector:vcse", "A social enterprise running an evening crisis café and night phone line in Rotherham."),
    # Doncaster
    "frenchgate": ("Frenchgate Peer Support Doncaster", "sector:vcse", "A Doncaster peer support charity for adults who self-harm."),
    "railtown": ("Railway Town Men's Talk", "sector:vcse", "A Doncaster charity helping men talk about their mental health."),
    "thornemoors": ("Thorne Moors Wellbeing Group", "sector:vcse", "A community wellbeing group in Thorne."),
    "doncnav": ("Doncaster Wellbeing Navigators", "sector:local-authority", "The council's wellbeing navigation team in Doncaster."),
    "donvalleyrail": ("Don Valley Rail Engineering Ltd", "sector:employer", "A railway engineering company in Doncaster."),
    # Hull
    "humberhealth": ("Humber Estuary Health NHS Trust", "sector:nhs", "The NHS trust providing mental health services in Hull, the East Riding and northern Lincolnshire."),
    "oldtown": ("Old Town Peer Network Hull", "sector:vcse", "A Hull peer support charity for adults who self-harm."),
    "humberuni": ("Humber Bank University", "sector:education", "A university in Hull."),
    "hessleroad": ("Hessle Road Women's Network", "sector:vcse", "A women's charity in west Hull."),
    "eastside": ("Eastside Listening Service Hull", "sector:vcse", "A volunteer listening service and drop-in in east Hull."),
    "rainbowtides": ("Rainbow Tides LGBTQ+ Group Hull", "sector:vcse", "A peer group for LGBTQ+ adults in Hull."),
    "humberwind": ("Humber Wind Services Ltd", "sector:employer", "An offshore wind maintenance company based in Hull."),
    "welcometable": ("Hull Welcome Table", "sector:vcse", "A Hull charity for refugees, asylum seekers and new arrivals."),
    # East Riding
    "westwood": ("Westwood Counselling Beverley", "sector:vcse", "A counselling charity in Beverley."),
    "bridharbour": ("Bridlington Harbour Wellbeing", "sector:vcse", "A wellbeing charity in Bridlington."),
    "gooleport": ("Goole Port Community Hub", "sector:vcse", "A community hub in Goole."),
    "erynav": ("East Riding Wellbeing Navigators", "sector:local-authority", "The council's wellbeing navigation team for the East Riding of Yorkshire."),
    # North East Lincolnshire
    "grimsbydocks": ("Grimsby Docks Peer Support", "sector:vcse", "A Grimsby peer support charity."),
    "shoreline": ("Cleethorpes Shoreline Wellbeing", "sector:vcse", "A wellbeing charity in Cleethorpes."),
    "freemanst": ("Freeman Street Women's Project", "sector:vcse", "A women's charity in East Marsh, Grimsby."),
    "nelconnect": ("Grimsby and Cleethorpes Community Connect", "sector:local-authority", "The council's community wellbeing team in North East Lincolnshire."),
    # North Lincolnshire
    "furnace": ("Furnace Peer Group Scunthorpe", "sector:vcse", "A Scunthorpe peer support charity."),
    "ancholme": ("Ancholme Wellbeing Brigg", "sector:vcse", "A community wellbeing group in Brigg."),
    "forcesfriends": ("Humber Bridge Forces Friends", "sector:vcse", "A veterans' breakfast club and peer group in Barton-upon-Humber."),
    # North Yorkshire
    "moorsvale": ("Moors and Vale Health NHS Trust", "sector:nhs", "The NHS trust providing mental health services in North Yorkshire and York."),
    "straycounsel": ("Stray Counselling Harrogate", "sector:vcse", "A not-for-profit counselling service in Harrogate."),
    "harrogatepeers": ("Harrogate Peer Wellbeing Group", "sector:vcse", "A peer support group in Harrogate."),
    "scarbay": ("Scarborough Bay Wellbeing Hub", "sector:vcse", "A wellbeing charity in Scarborough."),
    "whitbylisten": ("Whitby Harbour Listening Post", "sector:vcse", "A small volunteer listening service in Whitby."),
    "cravendales": ("Craven Dales Outreach", "sector:vcse", "A charity supporting people in Skipton and the Yorkshire Dales."),
    "selbyouse": ("Selby Ouse Wellbeing", "sector:vcse", "A wellbeing charity in Selby."),
    "nycomm": ("North Yorkshire Community Wellbeing Team", "sector:local-authority", "The council's wellbeing navigation team for North Yorkshire."),
    "ryedalerural": ("Ryedale Rural Wellbeing", "sector:vcse", "A volunteer-run wellbeing group for Malton and the Ryedale villages."),
    # York
    "ousefoss": ("Ouse and Foss University", "sector:education", "A university in York."),
    "yorkwalls": ("York Walls Peer Network", "sector:vcse", "A York peer support charity for adults who self-harm."),
    "acombwomen": ("Acomb Women's Space", "sector:vcse", "A women's centre in Acomb, York."),
    "snickelways": ("Snickelways Creative York", "sector:vcse", "An arts and wellbeing project in York city centre."),
    "yorknav": ("York Neighbourhood Wellbeing Team", "sector:local-authority", "The council's wellbeing navigation team in York."),
    "lateryears": ("Acomb Later Years Circle", "sector:vcse", "A York charity for people aged 55 and over."),
    "fossbridge": ("Foss Bridge Insurance Ltd", "sector:employer", "An insurance company with offices in York."),
    # Region-wide (remote)
    "whiterosetext": ("White Rose Textline", "sector:vcse", "A volunteer text support service for Yorkshire and the Humber."),
    "emberlight": ("Emberlight Online Peer Space CIC", "sector:vcse", "A social enterprise running moderated online peer support for adults who self-harm in Yorkshire and the Humber."),
    "openpalm": ("Open Palm BSL Wellbeing Yorkshire", "sector:vcse", "A Deaf-led charity offering mental health support in British Sign Language."),
    "laterallines": ("Lateral Lines Autistic Adults Yorkshire", "sector:vcse", "An autistic-led charity supporting autistic and other neurodivergent adults."),
    "forceswellbeing": ("White Rose Forces Wellbeing", "sector:vcse", "A charity for armed forces veterans and their families in Yorkshire and the Humber."),
    "carerscircle": ("Humber and Dales Carers Circle", "sector:vcse", "A charity supporting family members and carers of adults with mental health problems."),
    "ridgeway": ("Ridgeway Employment Support", "sector:vcse", "A charity helping people with mental health problems into work, training and volunteering."),
    "evergreen": ("Evergreen Phone Friends", "sector:vcse", "A telephone friendship service for people aged 55 and over."),
    "openpage": ("Open Page Self-Help Library", "sector:vcse", "A charity publishing free self-help guides and online courses, written with people with lived experience."),
    # Real national organisations (the only real entries)
    "samaritans": ("Samaritans", "sector:vcse", "A charity offering round-the-clock emotional support to anyone who is struggling to cope."),
    "shout": ("Shout", "sector:vcse", "A free, confidential text support service for anyone in the UK who is struggling to cope, run by the charity Mental Health Innovations."),
    "papyrus": ("PAPYRUS Prevention of Young Suicide", "sector:vcse", "A charity for the prevention of young suicide. Its HOPELINE247 is for people under 35 and anyone worried about a young person."),
    "calm": ("Campaign Against Living Miserably (CALM)", "sector:vcse", "A charity that runs a free helpline and webchat for anyone who is struggling or needs to talk."),
    "nhsengland": ("NHS England", "sector:nhs", "The body that leads the NHS in England, including the NHS 111 service."),
}
ORGS.update({
    "rivelin": ("Rivelin University", "sector:education", "A university in Sheffield city centre with a student wellbeing service."),
    "meanwooduni": ("Meanwood University", "sector:education", "A large university in Leeds city centre with wellbeing and counselling services for its students."),
    "horsforthhall": ("Horsforth Hall University", "sector:education", "A small university in Leeds with a student support team."),
    "woodhousearts": ("Woodhouse Moor Arts University", "sector:education", "An arts university in Leeds."),
    "quarryhill": ("Quarry Hill Conservatoire", "sector:education", "A music and performing arts conservatoire in Leeds."),
    "bradfordbeck": ("Bradford Beck University", "sector:education", "A university in Bradford with wellbeing and counselling services for its students."),
    "minstergates": ("Minster Gates University", "sector:education", "A university in York city centre."),
    "chantrybridge": ("Chantry Bridge College", "sector:education", "A further education college in Wakefield."),
    "grimsbyhaven": ("Grimsby Haven College", "sector:education", "A further education college in Grimsby with many adult learners."),
    "townfield": ("Town Field College", "sector:education", "A further education college in Doncaster."),
    "bowlingbeck": ("Bowling Beck Textiles Ltd", "sector:employer", "A textile manufacturer in Bradford."),
    "loxleyedge": ("Loxley Edge Steel Ltd", "sector:employer", "A specialist steel maker in Sheffield."),
})

REAL_ORGS = {
    "samaritans": ("https://www.samaritans.org", "jo@samaritans.org"),
    "shout": ("https://giveusashout.org", None),
    "papyrus": ("https://www.papyrus-uk.org", None),
    "calm": ("https://www.thecalmzone.net", None),
    "nhsengland": ("https://www.nhs.uk", None),
}

# --------------------------------------------------------------------------------------------------
# Kinds of service: default codes, "what to expect" values and plain-English text. Each service below
# picks a kind and then adds, drops or overrides what is different about it.
# --------------------------------------------------------------------------------------------------
GROUP_RULE = "The group does not talk about the details of how people hurt themselves."
VOLUNTEER_GROUP_TEXT = ("A friendly support group for adults who self-harm, run by trained volunteers. "
                        "You can talk about how things are going, listen to others, or just have a cup of tea. "
                        "Nobody will judge you or tell you what to do.")

KINDS = {
    "peer_group": dict(
        codes=["delivery:in-person", "format:group", "delivered-by:peer", "access:no-referral",
               "support:peer-support", "setting:community-venue"],
        exp=dict(minutes=120, sessions="ongoing", freq="weekly", wait=0,
                 first="Just turn up. A host will meet you at the door, make you a drink and explain how the group works. You don't have to talk."),
        text=["A friendly peer support group for adults who self-harm. It is run by people who have been through it themselves. "
              "You can talk about how things are going, listen to others, or just have a cup of tea. Nobody will judge you or tell you what to do.",
              "A small, relaxed group where you can meet other adults who self-harm, or have done in the past. "
              "Two trained peer hosts with their own lived experience keep the group safe and kind. "
              "You can share as much or as little as you like."],
        rule=True),
    "online_peer_group": dict(
        codes=["delivery:online", "format:group", "delivered-by:peer", "access:self-referral", "support:peer-support"],
        exp=dict(minutes=90, sessions="ongoing", freq="weekly", wait=2,
                 first="Fill in a short online form. A host emails you within two days with a link, and offers a quick chat before your first group."),
        text=["An online peer support group by video call for adults who self-harm. It is hosted by trained peer supporters with lived experience. "
              "You can keep your camera off and type in the chat if you prefer."],
        rule=True),
    "drop_in": dict(
        codes=["delivery:in-person", "format:drop-in", "delivered-by:support-worker", "access:no-referral",
               "support:information", "support:safety-planning", "setting:community-venue"],
        exp=dict(minutes=45, sessions="ongoing", freq="as-needed", wait=0,
                 first="Walk in. A support worker will find a quiet corner and ask how they can help. You don't need to give your name."),
        text=["A drop-in where you can talk to a support worker without an appointment. "
              "You can talk about what is going on, make a plan to keep yourself safer, or find out about other support nearby.",
              "Come in while it is open and a support worker will make time for you. There is no form to fill in first. "
              "You can talk things through, get help with a safety plan, or get information about other services."]),
    "peer_drop_in": dict(
        codes=["delivery:in-person", "format:drop-in", "format:group", "delivered-by:peer", "access:no-referral",
               "support:peer-support", "setting:community-venue"],
        exp=dict(minutes=180, sessions="ongoing", freq="as-needed", wait=0,
                 first="Come in any time while it is open. A peer host will say hello and show you where things are."),
        text=["A relaxed peer café where you can come and go as you like. Peer supporters with lived experience are there to chat, "
              "or you can sit quietly with a drink. It is a place to be around people who understand."],
        rule=True),
    "crisis_cafe": dict(
        codes=["delivery:in-person", "format:drop-in", "delivered-by:support-worker", "delivered-by:peer",
               "access:no-referral", "support:crisis", "support:safety-planning", "setting:community-venue"],
        exp=dict(minutes=60, sessions="ongoing", freq="as-needed", wait=0,
                 first="Walk in, or call ahead if you like. A worker will sit with you somewhere quiet and ask what would help tonight."),
        text=["A calm, safe place to go in the evening if you are struggling and need to talk. It is not a hospital. "
              "Staff and peer workers will listen, help you through the night and make a plan with you for the next few days. "
              "You can have a hot drink and stay while it is open."]),
    "counselling": dict(
        codes=["delivery:in-person", "delivery:phone", "delivery:online", "format:one-to-one", "delivered-by:counsellor",
               "access:self-referral", "support:counselling", "setting:community-venue"],
        exp=dict(minutes=50, sessions="8", freq="weekly", wait=42,
                 first="Fill in a short form or leave a message. A counsellor phones you within a week for a 20-minute chat about what you need."),
        text=["Free one-to-one counselling with a qualified counsellor. You can talk about self-harm and whatever sits behind it, at your own pace.",
              "One-to-one counselling with a qualified, experienced counsellor. Together you look at what is going on for you and what might help. "
              "You decide what to talk about."],
        bh=True),
    "counselling_paid": dict(
        codes=["delivery:in-person", "delivery:online", "format:one-to-one", "delivered-by:counsellor",
               "access:self-referral", "support:counselling", "setting:community-venue"],
        exp=dict(minutes=50, sessions="ongoing", freq="weekly", wait=14,
                 first="Call or email. You are offered a first appointment to meet a counsellor and agree how you will work together."),
        text=["Low-cost one-to-one counselling with a qualified counsellor. You can keep going for as long as it helps. "
              "You can talk about self-harm and whatever sits behind it, at your own pace."],
        bh=True),
    "talking_therapy": dict(
        codes=["delivery:in-person", "delivery:phone", "delivery:online", "format:one-to-one", "format:group",
               "delivered-by:psychologist", "access:self-referral", "access:gp-referral", "support:talking-therapy",
               "setting:gp-practice"],
        exp=dict(minutes=50, sessions="12", freq="weekly", wait=84,
                 first="Refer yourself online or by phone, or ask your GP. A therapist phones you for a 30-minute assessment to agree what might help."),
        text=["NHS talking therapy for adults, with a psychological therapist. You learn ways to cope with strong feelings and urges to self-harm, "
              "and work on what matters to you. Some people are offered a course in a small group instead of one-to-one sessions, but you can ask for one-to-one."],
        bh=True),
    "therapy_group": dict(
        codes=["delivery:in-person", "format:group", "delivered-by:psychologist", "access:professional-referral",
               "support:talking-therapy", "setting:community-venue"],
        exp=dict(minutes=150, sessions="24", freq="weekly", wait=120,
                 first="Your care coordinator refers you. A therapist meets you twice before the group starts to check it is right for you."),
        text=["A skills group for people who feel emotions very strongly and find it hard to manage them. "
              "You learn practical skills for getting through hard moments, getting on with people and looking after yourself. "
              "There is homework between sessions and a therapist you can phone for skills coaching."],
        bh=True),
    "self_harm_clinic": dict(
        codes=["delivery:in-person", "delivery:phone", "format:one-to-one", "delivered-by:nurse", "access:professional-referral",
               "support:safety-planning", "support:harm-reduction", "setting:hospital"],
        exp=dict(minutes=45, sessions="3", freq="weekly", wait=3,
                 first="After you have been to A&E, a nurse phones you within 3 days to offer an appointment. You can choose to meet or talk by phone."),
        text=["Short follow-up support after you have been to A&E because of self-harm. A specialist nurse talks with you about how things are, "
              "checks how you are healing, and makes a safety plan with you. Before the sessions end, they help you get into longer-term support."],
        bh=True),
    "doctor_clinic": dict(
        codes=["delivery:in-person", "format:one-to-one", "delivered-by:doctor", "delivered-by:nurse", "access:gp-referral",
               "access:professional-referral", "support:safety-planning", "support:information", "setting:hospital"],
        exp=dict(minutes=60, sessions="2", freq="fortnightly", wait=14,
                 first="Your GP or another worker refers you. The clinic writes to you and texts you with an appointment."),
        text=["A clinic with a psychiatrist and a mental health nurse for adults whose self-harm has got worse or who need a fuller assessment. "
              "You talk about what has been happening, what you have tried and what you want. Together you agree a plan, and you get a copy of it."],
        bh=True),
    "gp_clinic": dict(
        codes=["delivery:in-person", "delivery:phone", "format:one-to-one", "delivered-by:nurse", "access:gp-referral",
               "support:safety-planning", "support:information", "setting:gp-practice"],
        exp=dict(minutes=30, sessions="4", freq="fortnightly", wait=10,
                 first="Ask your GP, or ask at reception for a mental health practitioner appointment. You don't have to say why at reception."),
        text=["Longer appointments with a mental health practitioner at your GP practice. You can talk about self-harm without feeling rushed, "
              "make a safety plan, and get help to find the right support."],
        bh=True),
    "pharmacy": dict(
        codes=["delivery:in-person", "format:drop-in", "format:one-to-one", "delivered-by:nurse", "access:no-referral",
               "support:harm-reduction", "support:information", "setting:community-pharmacy"],
        exp=dict(minutes=20, sessions="ongoing", freq="as-needed", wait=0,
                 first="Ask at the counter for a 'wellbeing chat'. You will be taken to the private consultation room."),
        text=["A private, no-judgement chat in the pharmacy's consultation room with a community mental health nurse. "
              "They can help you look after wounds, give you a free first aid kit, and talk about ways to keep yourself safer. "
              "They can also tell you about other support nearby."]),
    "helpline": dict(
        codes=["delivery:phone", "format:helpline", "delivered-by:volunteer", "access:no-referral", "support:crisis"],
        exp=dict(sessions="ongoing", freq="as-needed", wait=0,
                 first="Call the number. A trained volunteer answers and you can talk for as long as you need."),
        text=["A listening line run by trained volunteers. You can call when things feel too much, talk about anything, and be heard without judgement. "
              "They will not tell you what to do."]),
    "textline": dict(
        codes=["delivery:text", "format:helpline", "delivered-by:volunteer", "access:no-referral", "support:crisis"],
        exp=dict(sessions="ongoing", freq="as-needed", wait=0,
                 first="Send a text to the number. A trained volunteer usually replies within 5 minutes."),
        text=["Text support from trained volunteers when things feel too much. You can text about anything, and they will help you think through what might help right now."]),
    "creative": dict(
        codes=["delivery:in-person", "format:group", "delivered-by:volunteer", "access:no-referral", "support:creative",
               "support:peer-support", "setting:community-venue"],
        exp=dict(minutes=120, sessions="ongoing", freq="weekly", wait=0,
                 first="Come along to any session, or get in touch first if you'd like to chat. All materials are provided."),
        text=["A relaxed creative group. No art skills are needed. It is a way to spend time with others, try something new, "
              "and express things that are hard to put into words."],
        rule=True),
    "support_1to1": dict(
        codes=["delivery:in-person", "delivery:phone", "format:one-to-one", "delivered-by:support-worker", "access:self-referral",
               "support:safety-planning", "support:information", "setting:community-venue"],
        exp=dict(minutes=60, sessions="6", freq="weekly", wait=14,
                 first="Call, email or fill in the form. A support worker phones you within a week to arrange a first meeting."),
        text=["Regular one-to-one meetings with a support worker. You talk about what is going on and what you want to change. "
              "They help you make a safety plan and find other support, and they stay with you while you get into it."],
        bh=True),
    "la_navigator": dict(
        codes=["delivery:in-person", "delivery:phone", "format:one-to-one", "delivered-by:support-worker", "access:self-referral",
               "access:gp-referral", "support:information", "setting:community-venue"],
        exp=dict(minutes=45, sessions="6", freq="as-needed", wait=7,
                 first="Call or fill in the online form. A navigator phones you within 5 working days to arrange a first chat."),
        text=["A wellbeing navigator (sometimes called a link worker) meets you to talk about what matters to you. "
              "They help you find and get into support: groups, counselling, money advice, housing or work. "
              "They keep in touch until you are settled, so you are not left on your own."],
        bh=True),
    "befriending": dict(
        codes=["delivery:phone", "format:one-to-one", "delivered-by:volunteer", "access:self-referral",
               "support:peer-support", "support:information", "audience:older-adults"],
        exp=dict(minutes=30, sessions="ongoing", freq="weekly", wait=21,
                 first="Call to sign up. A coordinator has a chat with you and then matches you with a volunteer."),
        text=["A friendly phone call every week from the same trained volunteer. It is a chance to talk, be listened to and feel less alone."],
        ages=(55, None)),
    "employment": dict(
        codes=["delivery:in-person", "delivery:phone", "delivery:online", "format:one-to-one", "delivered-by:support-worker",
               "access:self-referral", "support:employment", "setting:community-venue"],
        exp=dict(minutes=60, sessions="8", freq="weekly", wait=10,
                 first="Fill in a short form. An employment coach calls you within a week to talk about your goals."),
        text=["One-to-one help to get into work, volunteering or training, at your own pace. A coach helps with CVs, applications and interviews, "
              "and can talk to employers about support at work. Your mental health is part of the plan, not a barrier."],
        bh=True),
    "course": dict(
        codes=["delivery:online", "format:group", "delivered-by:psychologist", "access:self-referral", "support:education",
               "support:information"],
        exp=dict(minutes=90, sessions="4", freq="weekly", wait=14,
                 first="Book a place online or by phone. You get a welcome email that says what to expect."),
        text=["A short course to understand self-harm and learn ways to cope with difficult feelings. It is friendly and relaxed. "
              "You don't have to share anything personal."]),
    "carers_group": dict(
        codes=["delivery:in-person", "format:group", "delivered-by:support-worker", "access:no-referral",
               "support:family-and-carers", "support:information", "audience:carers", "setting:community-venue"],
        exp=dict(minutes=90, sessions="ongoing", freq="monthly", wait=0,
                 first="Call or email to say you are coming, or just turn up."),
        text=["A group for family members, partners, friends and carers of an adult who self-harms. "
              "Learn about self-harm and how to talk about it, share how you are coping, and find out how to look after yourself too."]),
    "self_help": dict(
        codes=["delivery:online", "format:self-help", "delivered-by:psychologist", "access:no-referral",
               "support:information", "support:safety-planning"],
        exp=dict(sessions="ongoing", freq="as-needed", wait=0,
                 first="Open the website. There is nothing to sign up for, and nothing about you is stored."),
        text=["Free online self-help guides written by psychologists together with people who self-harm. "
              "Work through them at your own pace: making a safety plan, getting through urges, and looking after yourself."]),
    "online_community": dict(
        codes=["delivery:online", "format:online-community", "delivered-by:peer", "delivered-by:volunteer",
               "access:self-referral", "support:peer-support"],
        exp=dict(sessions="ongoing", freq="as-needed", wait=1,
                 first="Sign up with an email address and a made-up name. A moderator checks your first post before it goes live."),
        text=["A moderated online community for adults who self-harm. Share how you are doing, read other people's stories of getting through, "
              "and get support from people who understand. Moderators read every post, and talk about methods is not allowed."]),
    "home_visit": dict(
        codes=["delivery:home-visit", "delivery:phone", "format:one-to-one", "delivered-by:support-worker",
               "access:self-referral", "access:professional-referral", "support:safety-planning", "support:information"],
        exp=dict(minutes=60, sessions="6", freq="weekly", wait=21,
                 first="Refer yourself by phone, or ask your GP or another worker to refer you. A support worker calls you to arrange the first visit."),
        text=["A support worker visits you at home, or meets you somewhere nearby, if it is hard to get to services. "
              "It is for people living in villages and rural areas with few buses and little other support."],
        bh=True),
    "uni_wellbeing": dict(
        codes=["delivery:in-person", "format:drop-in", "format:one-to-one", "delivered-by:support-worker", "access:no-referral",
               "support:information", "support:safety-planning", "audience:students", "eligibility:students-only",
               "setting:university"],
        exp=dict(minutes=30, sessions="ongoing", freq="as-needed", wait=0,
                 first="Drop in to the wellbeing centre and ask for a wellbeing adviser. Bring your student card."),
        text=["Drop in to talk to a wellbeing adviser without an appointment. They can help you make a safety plan, "
              "sort out extensions or other study support, and get you into counselling or other help."],
        bh=True),
    "uni_counselling": dict(
        codes=["delivery:in-person", "delivery:online", "format:one-to-one", "delivered-by:counsellor", "access:self-referral",
               "support:counselling", "audience:students", "eligibility:students-only", "setting:university"],
        exp=dict(minutes=50, sessions="6", freq="weekly", wait=21,
                 first="Fill in the online form on the student portal. Someone from the team calls you within 3 working days."),
        text=["Free one-to-one counselling for students, with a qualified counsellor who understands student life. "
              "You can talk about self-harm and anything else that is going on, including worries about your course."],
        bh=True),
    "college": dict(
        codes=["delivery:in-person", "format:drop-in", "format:one-to-one", "delivered-by:support-worker", "access:no-referral",
               "support:information", "support:safety-planning", "audience:students", "eligibility:students-only",
               "setting:college"],
        exp=dict(minutes=30, sessions="ongoing", freq="as-needed", wait=0,
                 first="Go to Student Services and ask to see someone from the wellbeing team, or ask your tutor to introduce you."),
        text=["The college wellbeing team is there for all students, including adult learners on part-time courses. "
              "Drop in for a private chat, make a safety plan, or get help to find support outside college."],
        bh=True),
    "workplace_eap": dict(
        codes=["delivery:phone", "delivery:online", "format:one-to-one", "format:helpline", "delivered-by:counsellor",
               "access:self-referral", "support:counselling", "support:information", "audience:employees",
               "eligibility:employees-only"],
        exp=dict(minutes=50, sessions="6", freq="weekly", wait=5,
                 first="Call the staff support line. You do not need to tell your manager, and they are not told that you called."),
        text=["Free, confidential counselling for staff and their line managers. Call the line to talk to a counsellor, "
              "and you can be offered up to six sessions."]),
    "workplace_mhfa": dict(
        codes=["delivery:in-person", "format:drop-in", "delivered-by:volunteer", "access:no-referral", "support:information",
               "support:safety-planning", "audience:employees", "eligibility:employees-only", "setting:workplace"],
        exp=dict(minutes=20, sessions="ongoing", freq="as-needed", wait=0,
                 first="Find a mental health first aider: they wear a green lanyard, and their names are on the canteen noticeboard."),
        text=["Trained colleagues on every shift who you can talk to in private if you are struggling. "
              "They listen, help you stay safe, and help you get support, at work or outside it."]),
    "safety_workshop": dict(
        codes=["delivery:in-person", "format:group", "delivered-by:peer", "delivered-by:support-worker", "access:self-referral",
               "support:safety-planning", "support:education", "setting:community-venue"],
        exp=dict(minutes=120, sessions="1", freq="once", wait=14,
                 first="Book a place by phone or email. You get a reminder text the day before."),
        text=["A two-hour workshop where you make your own safety plan, with help from a peer supporter and a support worker. "
              "You leave with a plan written in your own words, on paper or on your phone."]),
}

DAY_NAMES = {"MO": "Monday", "TU": "Tuesday", "WE": "Wednesday", "TH": "Thursday", "FR": "Friday", "SA": "Saturday", "SU": "Sunday"}
DAY_ORDER = list(DAY_NAMES)
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


def time_words(t: str) -> str:
    hh, mm = (int(x) for x in t.split(":"))
    if (hh, mm) == (0, 0):
        return "midnight"
    if (hh, mm) == (12, 0):
        return "noon"
    suffix = "am" if hh < 12 else "pm"
    h12 = hh % 12 or 12
    return f"{h12}:{mm:02d}{suffix}" if mm else f"{h12}{suffix}"


def join_words(items: list[str], last: str = "and") -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def days_words(days: list[str]) -> str:
    idx = [DAY_ORDER.index(d) for d in days]
    if len(days) == 7:
        return "every day"
    if len(days) >= 3 and idx == list(range(idx[0], idx[-1] + 1)):
        return f"{DAY_NAMES[days[0]]} to {DAY_NAMES[days[-1]]}"
    return join_words([DAY_NAMES[d] + "s" for d in days])


def date_words(d: str) -> str:
    y, m, day = (int(x) for x in d.split("-"))
    return f"{day} {MONTHS[m - 1]} {y}"


def parse_spec(spec: str) -> dict:
    """'MO-FR 09:00-17:00 from=2026-09-01 to=2027-07-16' -> schedule fields (without ids)."""
    parts = spec.split()
    dayspec, times, opts = parts[0], parts[1], dict(p.split("=", 1) for p in parts[2:])
    if dayspec == "ALL":
        days = DAY_ORDER[:]
    elif "-" in dayspec:
        a, b = dayspec.split("-")
        days = DAY_ORDER[DAY_ORDER.index(a):DAY_ORDER.index(b) + 1]
    else:
        days = dayspec.split(",")
    opens, closes = times.split("-")
    if opens == "00:00" and closes == "23:59":
        desc = "24 hours, " + days_words(days)
    else:
        desc = f"{days_words(days)}, {time_words(opens)} to {time_words(closes)}"
        if closes < opens and closes != "00:00":
            desc += " (into the next morning)"
    vf, vt = opts.get("from"), opts.get("to")
    if vf and vt:
        desc += f", from {date_words(vf)} to {date_words(vt)}"
    elif vf:
        desc += f", starting {date_words(vf)}"
    elif vt:
        desc += f", until {date_words(vt)}"
    desc = desc[0].upper() + desc[1:]
    out = {"freq": "WEEKLY", "byday": ",".join(days), "opens_at": opens, "closes_at": closes}
    if vf:
        out["valid_from"] = vf
    if vt:
        out["valid_to"] = vt
    out["description"] = desc
    return out


# --------------------------------------------------------------------------------------------------
# Phone numbers: Ofcom's numbers for drama (never connected), except the real national helplines.
# --------------------------------------------------------------------------------------------------
_phone_next: dict[str, int] = {}
_phones_used: set[str] = set()


def drama_number(prefix: str, key: str) -> str:
    n = _phone_next.get(prefix, (h("phone:" + prefix) % 400) + 100)
    while True:
        number = f"{prefix}{n:03d}"
        n = (n + 37) % 1000
        if number not in _phones_used:
            break
    _phone_next[prefix] = n
    _phones_used.add(number)
    return number


def phone_prefix(svc: dict, codes: list[str]) -> str:
    if "delivery:text" in codes and "format:helpline" in codes:
        return "07700 900"
    if "format:helpline" in codes and "sector:employer" not in codes:
        return "0808 157 0"
    if "sector:employer" in codes or svc["la"] == "ALL":
        return "0306 999 0"
    if svc["la"] == "Leeds":
        return "0113 496 0"
    if svc["la"] == "Sheffield":
        return "0114 496 0"
    return "01632 960"


# --------------------------------------------------------------------------------------------------
# The service list is authored with S(...). Each call records one service; build() turns it into ORUK.
# --------------------------------------------------------------------------------------------------
SERVICES: list[dict] = []


def S(org: str, slug: str, name: str, kind: str, la: str, **kw) -> None:
    SERVICES.append(dict(org=org, slug=slug, name=name, kind=kind, la=la, **kw))


# ================================ Sheffield ================================
S("steelvalley", "steelvalley-tuesday-group", "Tuesday Evening Peer Group", "peer_group", "Sheffield",
  locs=["shf-carver"], sched=["TU 18:30-20:30"],
  extra="It meets in the evening so that people who work or study in the day can come.")
S("steelvalley", "steelvalley-heeley-saturday", "Heeley Saturday Peer Group", "peer_group", "Sheffield",
  locs=["shf-heeley"], sched=["SA 10:30-12:30"])
S("steelvalley", "steelvalley-online", "Steel Valley Online Peer Group", "online_peer_group", "Sheffield",
  sched=["WE 19:00-20:30"], areas=["Sheffield", "Rotherham", "Barnsley", "Doncaster"],
  extra="It is open to adults anywhere in South Yorkshire.")
S("steelvalley", "steelvalley-under-26", "Peer Group for 18 to 25s", "peer_group", "Sheffield",
  locs=["shf-carver"], sched=["TH 17:30-19:00"], ages=(18, 25), add=["audience:young-adults"], exp=dict(minutes=90))
S("sheafwomen", "sheaf-womens-circle", "Women's Wellbeing Circle", "peer_group", "Sheffield",
  locs=["shf-heeley"], sched=["MO 10:00-12:00"], bh=True,
  add=["audience:women", "eligibility:women-only", "delivered-by:support-worker"],
  extra="A support worker is there as well as the peer hosts. There is a free crèche if you book a day ahead.")
S("sheafwomen", "sheaf-one-to-one", "One-to-One Support for Women", "support_1to1", "Sheffield",
  locs=["shf-heeley"], add=["audience:women", "eligibility:women-only"], exp=dict(wait=28, sessions="10"),
  when="Appointments are in the daytime on weekdays. Get in touch to arrange a time.")
S("sharrowtalk", "sharrow-low-cost-counselling", "Low-Cost Counselling", "counselling_paid", "Sheffield",
  locs=["shf-sharrow"], sched=["MO-TH 10:00-20:00"], exp=dict(wait=35),
  cost=[("Standard fee", 15, "£15 for each 50-minute session"),
        ("Low-income fee", 5, "£5 for each session if you are on benefits or a low income")],
  fees="£15 a session, or £5 if you are on benefits or a low income.")
S("sharrowtalk", "sharrow-free-counselling-18-25", "Free Counselling for 18 to 25s", "counselling", "Sheffield",
  locs=["shf-sharrow"], sched=["MO,WE 16:00-20:00"], ages=(18, 25), add=["audience:young-adults"],
  exp=dict(wait=56, sessions="12"))
S("pitsmoor", "pitsmoor-multilingual-drop-in", "Multilingual Wellbeing Drop-in", "drop_in", "Sheffield",
  locs=["shf-pitsmoor"], sched=["WE 13:00-16:00"], bh=True, langs=["ur", "ar", "so"],
  add=["audience:ethnic-minority", "access-needs:interpreter"])
S("pitsmoor", "pitsmoor-sisters-together", "Sisters Together Group", "peer_group", "Sheffield",
  locs=["shf-pitsmoor"], sched=["FR 10:30-12:30"], langs=["ur", "ar"], bh=True,
  add=["audience:women", "audience:ethnic-minority", "eligibility:women-only"])
S("kelham", "kelham-lantern-crisis-cafe", "Lantern Crisis Café", "crisis_cafe", "Sheffield",
  locs=["shf-kelham"], sched=["TH 18:00-23:00", "FR,SA 20:00-02:00"], add=["delivery:phone"],
  extra="On Friday and Saturday nights it stays open until 2am.",
  exp=dict(first="Walk in, or call the café while it is open. A worker will sit with you somewhere quiet and ask what would help tonight."))
S("forgelane", "forge-lane-open-studio", "Open Studio Art Group", "creative", "Sheffield",
  locs=["shf-norfolk"], sched=["WE 13:30-15:30"], add=["access-needs:neurodivergent-adjustments"],
  extra="Paint, print, draw or make things with clay. An artist is there to help if you want ideas.")
S("forgelane", "forge-lane-words-out", "Words Out Creative Writing Group", "creative", "Sheffield",
  locs=["shf-norfolk"], sched=["TH 18:00-20:00 from=2026-09-03 to=2026-12-17"], exp=dict(sessions="16", wait=7),
  extra="A term-time writing group. You can write poems, letters or stories, and read them out only if you want to.")
S("fiveweirs", "fiveweirs-talking-therapies", "Five Weirs Talking Therapies", "talking_therapy", "Sheffield",
  locs=["shf-gp-east", "shf-gp-west"], sched=["MO-FR 08:00-20:00"], add=["access-needs:interpreter", "access-needs:bsl"],
  exp=dict(wait=98, sessions="16"), days=200)
S("fiveweirs", "fiveweirs-self-harm-follow-up", "Self-Harm Follow-up Clinic", "self_harm_clinic", "Sheffield",
  locs=["shf-hospital"], sched=["MO-FR 09:00-17:00"])
S("fiveweirs", "fiveweirs-pharmacy-chats", "Pharmacy Wellbeing Chats", "pharmacy", "Sheffield",
  locs=["shf-pharmacy-centre", "shf-pharmacy-heeley"],
  sal={"shf-pharmacy-centre": ["WE 10:00-14:00"], "shf-pharmacy-heeley": ["FR 12:00-16:00"]})
S("porterbrook", "porterbrook-wellbeing-drop-in", "Student Wellbeing Drop-in", "uni_wellbeing", "Sheffield",
  locs=["shf-uni"], sched=["MO-FR 10:00-16:00"])
S("porterbrook", "porterbrook-counselling", "Student Counselling Service", "uni_counselling", "Sheffield",
  locs=["shf-uni"], sched=["MO-FR 09:00-17:00", "TU,TH 17:00-19:00"], exp=dict(wait=21))
S("porterbrook", "porterbrook-staff-support", "Staff Wellbeing and Counselling", "workplace_eap", "Sheffield",
  locs=["shf-uni"], add=["delivery:in-person", "setting:university"], drop=["format:helpline"],
  text="Free, confidential counselling for university staff. You can see a counsellor on campus, or talk by phone or video.",
  exp=dict(wait=10, first="Email or call the staff wellbeing team. You do not need to tell your manager."))

# ================================ Leeds ================================
S("kirkgate", "kirkgate-monday-group", "Monday Night Peer Group", "peer_group", "Leeds",
  locs=["lds-vicar"], sched=["MO 18:00-20:00"])
S("kirkgate", "kirkgate-sunday-group", "Sunday Afternoon Peer Group", "peer_group", "Leeds",
  locs=["lds-vicar"], sched=["SU 14:00-16:00"],
  extra="Weekends can be hard when services are closed. This group is there on Sunday afternoons.")
S("kirkgate", "kirkgate-otley-group", "Otley Peer Group", "peer_group", "Leeds",
  locs=["otley"], sched=["WE 19:00-21:00"])
S("kirkgate", "kirkgate-online-forum", "Kirkgate Online Peer Forum", "online_community", "Leeds",
  areas=["Leeds", "Bradford", "Calderdale", "Kirklees", "Wakefield"],
  extra="It is for adults living in West Yorkshire. Moderators are online every day from 8am to 11pm.")
S("chapeltown", "chapeltown-sisters-group", "Sisters' Wellbeing Group", "peer_group", "Leeds",
  locs=["lds-chapeltown"], sched=["WE 11:00-13:00"], langs=["pa", "ur"], bh=True,
  add=["audience:women", "audience:ethnic-minority", "eligibility:women-only"],
  extra="Lunch is shared at the end.")
S("chapeltown", "chapeltown-community-counselling", "Counselling for Women in Community Languages", "counselling", "Leeds",
  locs=["lds-chapeltown"], langs=["pa", "ur", "bn"], add=["audience:women", "audience:ethnic-minority", "eligibility:women-only"],
  exp=dict(wait=63, sessions="10"), extra="You can have a counsellor who shares your language and understands your culture.")
S("harehills", "harehills-corner-drop-in", "Harehills Corner Drop-in", "drop_in", "Leeds",
  locs=["lds-harehills"], sched=["TU,TH 10:00-15:00"], bh=True, langs=["ro", "sk", "cs", "pl"],
  add=["audience:ethnic-minority", "access-needs:interpreter"])
S("harehills", "harehills-family-evening", "Family and Friends Evening", "carers_group", "Leeds",
  locs=["lds-harehills"], langs=["ur"],
  when="It meets on the first Thursday of each month, 6pm to 7:30pm. Call for the next date.")
S("airewharfe", "airewharfe-psychological-therapies", "Aire and Wharfe Psychological Therapies", "talking_therapy", "Leeds",
  locs=["lds-gp-beeston", "lds-gp-harehills"], sched=["MO-FR 08:30-18:00", "SA 09:00-13:00"],
  add=["access-needs:interpreter", "access-needs:bsl", "access-needs:easy-read"], exp=dict(wait=112),
  areas=["Leeds"])
S("airewharfe", "airewharfe-emotion-skills-group", "Skills Group for Managing Intense Emotions", "therapy_group", "Leeds",
  locs=["lds-skills"], sched=["WE 13:00-15:30 from=2026-09-02 to=2027-02-24"], exp=dict(wait=120))
S("airewharfe", "airewharfe-leeds-follow-up", "Leeds Self-Harm Follow-up Clinic", "self_harm_clinic", "Leeds",
  locs=["lds-lgi"], sched=["MO-FR 09:00-17:00", "SA 10:00-14:00"])
S("airewharfe", "airewharfe-assessment-clinic", "Self-Harm Assessment Clinic", "doctor_clinic", "Leeds",
  locs=["lds-lgi"], sched=["TU,TH 09:30-16:30"], exp=dict(wait=18))
S("airevalleyuni", "airevalley-wellbeing-drop-in", "Student Wellbeing Drop-in", "uni_wellbeing", "Leeds",
  locs=["lds-uni"], sched=["MO-FR 09:30-16:30"])
S("airevalleyuni", "airevalley-student-peer-group", "Student Peer Support Group", "peer_group", "Leeds",
  locs=["lds-uni"], sched=["TH 17:00-18:30 from=2026-09-28 to=2026-12-11", "TH 17:00-18:30 from=2027-01-18 to=2027-03-26"],
  add=["audience:students", "eligibility:students-only", "setting:university"], drop=["setting:community-venue"],
  exp=dict(minutes=90), extra="It runs in term time and is led by trained student peer supporters.")
S("briggate", "briggate-lgbtq-peer-group", "LGBTQ+ Peer Group", "peer_group", "Leeds",
  locs=["lds-briggate"], sched=["FR 18:30-20:30"], add=["audience:lgbtq"],
  extra="Everyone is welcome however they identify, including people who are still working it out.")
S("briggate", "briggate-online-18-25", "Online LGBTQ+ Group for 18 to 25s", "online_peer_group", "Leeds",
  sched=["SU 19:00-20:30"], ages=(18, 25), add=["audience:lgbtq", "audience:young-adults"], areas="ALL")
S("leedsconnect", "leeds-wellbeing-navigators", "Wellbeing Navigators", "la_navigator", "Leeds",
  locs=["lds-civic"], sched=["MO-FR 09:00-17:00"], add=["access:professional-referral"])
S("leedsconnect", "leeds-over-55s-phone-friends", "Telephone Befriending for Over-55s", "befriending", "Leeds",
  sched=["MO-FR 10:00-16:00"], bh=True, add=["sector:local-authority"])
S("armleybench", "armley-workbench-mens-group", "Workbench Men's Group", "peer_group", "Leeds",
  locs=["lds-armley"], sched=["TU 10:00-13:00", "TH 18:00-20:00"],
  add=["audience:men", "eligibility:men-only", "support:creative"], exp=dict(minutes=180),
  text="A workshop where men meet to make and mend things side by side, and talk if they want to. "
       "Some of the men have self-harmed, some have had other hard times. Nobody has to explain themselves.")
S("beestonbrew", "beeston-forces-brew-club", "Forces Brew Club", "peer_group", "Leeds",
  locs=["lds-beeston"], sched=["SA 10:00-12:00"], add=["audience:veterans", "support:information"],
  extra="It is for people who have served in the armed forces. A volunteer can help with forces charities and benefits.")
S("hydepark", "hyde-park-counselling", "Counselling at Hyde Park", "counselling_paid", "Leeds",
  locs=["lds-hydepark"], sched=["MO-FR 09:00-21:00", "SA 09:00-13:00"], exp=dict(wait=7), add=["audience:lgbtq"],
  cost=[("Standard fee", 30, "£30 for each 50-minute session"),
        ("Low-income fee", 12, "£12 for each session if you are on benefits, a student or on a low income")],
  fees="£30 a session, or £12 if you are on benefits, a student or on a low income.",
  extra="Several counsellors are LGBTQ+ themselves.")
S("headrow", "headrow-art-for-recovery", "Art for Recovery", "creative", "Leeds",
  locs=["lds-headrow"], sched=["WE 10:00-12:30"], exp=dict(sessions="10", minutes=150, wait=14), drop=["access:no-referral"],
  add=["access:self-referral", "access-needs:easy-read"],
  extra="It is a 10-week course. You can book the next course by phone or email.")
S("headrow", "headrow-saturday-song-circle", "Saturday Song Circle", "creative", "Leeds",
  locs=["lds-headrow"], sched=["SA 13:00-15:00"],
  text="A friendly singing group. You don't need to read music or sing well. Singing together can lift your mood and help you feel part of something.")
S("airelogistics", "aire-logistics-colleague-line", "Colleague Support Line", "workplace_eap", "Leeds",
  sched=["ALL 00:00-23:59"], extra="Drivers on the road can call from any phone, day or night.")
S("airelogistics", "aire-logistics-first-aiders", "Mental Health First Aiders at Hunslet Depot", "workplace_mhfa", "Leeds",
  locs=["lds-hunslet"], sched=["MO-FR 06:00-22:00", "SA 06:00-14:00"])

# ================================ Bradford ================================
S("sahayata", "sahayata-peer-circle", "Sahayata Peer Circle", "peer_group", "Bradford",
  locs=["brd-manningham"], sched=["SU 15:00-17:00"], langs=["ur", "pa"], add=["audience:ethnic-minority"])
S("sahayata", "sahayata-womens-group", "Sahayata Women's Group", "peer_group", "Bradford",
  locs=["brd-manningham"], sched=["TU 10:30-12:30"], bh=True, langs=["ur", "pa", "bn"],
  add=["audience:women", "audience:ethnic-minority", "eligibility:women-only"])
S("sahayata", "sahayata-counselling", "Counselling in Urdu, Punjabi and English", "counselling", "Bradford",
  locs=["brd-manningham"], langs=["ur", "pa"], add=["audience:ethnic-minority"], exp=dict(wait=70))
S("sahayata", "sahayata-family-evenings", "Family Support Evenings", "carers_group", "Bradford",
  locs=["brd-manningham"], sched=["WE 18:00-20:00"], langs=["ur", "pa"], exp=dict(freq="weekly"),
  add=["audience:ethnic-minority"])
S("keighleylisten", "worth-valley-listening-line", "Worth Valley Listening Line", "helpline", "Bradford",
  sched=["MO-FR 18:00-22:00", "SA,SU 12:00-22:00"])
S("keighleylisten", "keighley-shipley-drop-in", "Keighley and Shipley Drop-in", "drop_in", "Bradford",
  locs=["keighley", "shipley"], sal={"keighley": ["MO 10:00-14:00"], "shipley": ["TH 12:00-16:00"]}, bh=True)
S("keighleylisten", "keighley-young-adults-group", "Keighley Young Adults Group", "peer_group", "Bradford",
  locs=["keighley"], sched=["WE 17:00-18:30"], ages=(18, 25), add=["audience:young-adults"], exp=dict(minutes=90))
S("shipleymill", "millside-peer-group", "Millside Peer Group", "peer_group", "Bradford",
  locs=["shipley-mill"], sched=["TH 18:30-20:30"])
S("wspolnota", "wspolnota-polish-support", "Wsparcie: One-to-One Support in Polish", "support_1to1", "Bradford",
  locs=["brd-barkerend"], sched=["SA 10:00-14:00"], langs=["pl"], add=["audience:ethnic-minority"], exp=dict(wait=10), bh=False)
S("wspolnota", "wspolnota-wellbeing-group", "Polish Speakers' Wellbeing Group", "peer_group", "Bradford",
  locs=["brd-barkerend"], sched=["WE 18:00-20:00"], langs=["pl"], noen=True, add=["audience:ethnic-minority"],
  extra="The group is held in Polish.")
S("wharfedalecoop", "wharfedale-counselling", "Wharfedale Counselling", "counselling_paid", "Bradford",
  locs=["ilkley"], sched=["MO-FR 09:00-20:00"], exp=dict(wait=14),
  cost=[("Standard fee", 40, "£40 for each 50-minute session"),
        ("Reduced fee", 20, "£20 for each session if you are on a low income")],
  fees="£40 a session, or £20 if you are on a low income.")
S("bradnav", "bradford-wellbeing-navigators", "Bradford Wellbeing Navigators", "la_navigator", "Bradford",
  locs=["brd-city"], sched=["MO-FR 09:00-17:00"], langs=["ur", "pa"], add=["access-needs:interpreter"])
S("airewharfe", "airewharfe-bradford-follow-up", "Bradford Self-Harm Follow-up Clinic", "self_harm_clinic", "Bradford",
  locs=["brd-hospital"], sched=["MO-FR 09:00-17:00"], add=["access-needs:interpreter"])
S("airewharfe", "airewharfe-bradford-gp-practitioners", "GP Practice Mental Health Practitioners", "gp_clinic", "Bradford",
  locs=["brd-gp-bowling", "brd-gp-barkerend"],
  sal={"brd-gp-bowling": ["MO,WE 09:00-17:00"], "brd-gp-barkerend": ["TU,TH 09:00-17:00", "TH 17:00-19:30"]},
  add=["access-needs:interpreter"])

# ================================ Calderdale ================================
S("caldervalley", "calder-valley-peer-circle", "Hebden Bridge Peer Circle", "peer_group", "Calderdale",
  locs=["hebden"], sched=["WE 19:00-21:00"])
S("caldervalley", "calder-valley-walk-and-talk", "Walk and Talk on the Calder", "peer_group", "Calderdale",
  locs=["hebden"], sched=["SA 10:00-12:00"], exp=dict(first="Meet outside the group room at 10am. The walk is gentle, about 3 miles on the canal towpath."),
  text="A gentle walk along the canal with peer supporters and others who self-harm. Walking side by side can make it easier to talk, or you can just enjoy being outside.")
S("heartspace", "heartspace-counselling", "Heartspace Counselling", "counselling", "Calderdale",
  locs=["halifax"], sched=["MO-TH 09:00-19:00"], exp=dict(wait=49))
S("heartspace", "heartspace-over-55s", "Counselling for Over-55s", "counselling", "Calderdale",
  locs=["halifax"], ages=(55, None), add=["audience:older-adults", "delivery:home-visit"], exp=dict(wait=35),
  extra="If it is hard to get out, a counsellor can come to your home.")
S("todhill", "todmorden-hillside-drop-in", "Todmorden Hillside Drop-in", "drop_in", "Calderdale",
  locs=["todmorden"], sched=["FR 11:00-14:00"], drop=["delivered-by:support-worker"], add=["delivered-by:volunteer"],
  extra="Soup and bread are free.")
S("calderbank", "calder-bank-wellbeing-team", "College Wellbeing Team", "college", "Calderdale",
  locs=["halifax-college"], sched=["MO-FR 08:30-16:30 from=2026-09-01 to=2027-07-16"], add=["access-needs:easy-read"])
S("caldercolne", "caldercolne-halifax-follow-up", "Calderdale Self-Harm Follow-up Clinic", "self_harm_clinic", "Calderdale",
  locs=["halifax-hospital"], sched=["MO-FR 09:00-17:00"])
S("canalside", "canalside-womens-group", "Canalside Women's Group", "peer_group", "Calderdale",
  locs=["brighouse"], sched=["TH 10:00-12:00"], add=["audience:women", "eligibility:women-only"], bh=True)
S("caldercolne", "caldercolne-talking-therapies", "Calder and Colne Talking Therapies", "talking_therapy", "Calderdale",
  locs=["halifax-gp", "hud-gp", "wakefield-gp"], areas=["Calderdale", "Kirklees", "Wakefield"],
  sal={"halifax-gp": ["MO-FR 09:00-17:00", "TU 17:00-20:00"], "hud-gp": ["MO-FR 09:00-17:00", "WE 17:00-20:00"],
       "wakefield-gp": ["MO-FR 09:00-17:00", "TH 17:00-20:00"]},
  exp=dict(wait=77), add=["access-needs:interpreter"])

# ================================ Kirklees ================================
S("byram", "byram-street-peer-cafe", "Byram Street Peer Café", "peer_drop_in", "Kirklees",
  locs=["huddersfield"], sched=["TU 12:00-15:00", "SA 11:00-14:00"])
S("byram", "byram-thursday-group", "Thursday Evening Peer Group", "peer_group", "Kirklees",
  locs=["huddersfield"], sched=["TH 18:00-20:00"])
S("noor", "noor-family-support", "Noor Family Support Group", "carers_group", "Kirklees",
  locs=["dewsbury"], sched=["MO 18:30-20:00"], langs=["ur", "gu"], add=["audience:ethnic-minority"],
  exp=dict(freq="weekly"))
S("noor", "noor-womens-circle", "Noor Women's Circle", "peer_group", "Kirklees",
  locs=["dewsbury"], sched=["WE 10:00-12:00"], langs=["ur", "gu"], bh=True,
  add=["audience:women", "audience:ethnic-minority", "eligibility:women-only"])
S("noor", "noor-one-to-one", "Noor One-to-One Support", "support_1to1", "Kirklees",
  locs=["dewsbury"], langs=["ur", "gu", "ar"], add=["audience:ethnic-minority", "delivery:home-visit"], exp=dict(wait=21))
S("holmevalley", "holme-valley-talking-shop", "Holmfirth Talking Shop", "peer_group", "Kirklees",
  locs=["holmfirth"], sched=["MO 19:00-21:00"])
S("colnevalleyuni", "colne-valley-wellbeing-hub", "Student Wellbeing Hub", "uni_wellbeing", "Kirklees",
  locs=["hud-uni"], sched=["MO-FR 09:00-17:00"])
S("colnevalleyuni", "colne-valley-counselling", "Student Counselling", "uni_counselling", "Kirklees",
  locs=["hud-uni"], sched=["MO-FR 09:00-17:00"], exp=dict(wait=28), add=["delivery:phone"])
S("colnevalleyuni", "colne-valley-understanding-self-harm", "Understanding Self-Harm: a Course for Students", "course", "Kirklees",
  locs=["hud-uni"], sched=["TU 14:00-15:30 from=2027-01-19 to=2027-02-09"],
  add=["delivery:in-person", "audience:students", "eligibility:students-only", "setting:university",
       "delivered-by:counsellor"],
  drop=["delivered-by:psychologist"], exp=dict(wait=7),
  extra="It is run by the student counselling team, in person on campus or online.")
S("batleyya", "batley-young-adults-group", "Batley Young Adults Group", "peer_group", "Kirklees",
  locs=["batley"], sched=["WE 16:30-18:30"], ages=(18, 25), add=["audience:young-adults"])
S("batleyya", "batley-young-adults-one-to-one", "Young Adults One-to-One Support", "support_1to1", "Kirklees",
  locs=["batley"], ages=(18, 25), add=["audience:young-adults", "delivery:text"], exp=dict(wait=14))
S("kirkconnect", "kirklees-wellbeing-connectors", "Kirklees Wellbeing Connectors", "la_navigator", "Kirklees",
  locs=["hud-connect", "dewsbury-connect"], sched=["MO-FR 09:00-17:00"])
S("caldercolne", "caldercolne-huddersfield-follow-up", "Huddersfield Self-Harm Follow-up Clinic", "self_harm_clinic", "Kirklees",
  locs=["hud-hospital"], sched=["MO-FR 09:00-17:00"])

# ================================ Wakefield ================================
S("westgate", "westgate-peer-group", "Westgate Peer Group", "peer_group", "Wakefield",
  locs=["wakefield"], sched=["TU 18:00-20:00"])
S("westgate", "westgate-weekend-cafe", "Weekend Peer Café", "peer_drop_in", "Wakefield",
  locs=["wakefield"], sched=["SU 11:00-14:00"])
S("westgate", "westgate-online-group", "Westgate Online Evening Group", "online_peer_group", "Wakefield",
  sched=["MO 20:00-21:30"])
S("fivetowns", "five-towns-listening-line", "Five Towns Listening Line", "helpline", "Wakefield",
  sched=["ALL 19:00-23:00"])
S("fivetowns", "five-towns-pontefract-drop-in", "Pontefract Drop-in", "drop_in", "Wakefield",
  locs=["pontefract"], sched=["WE 10:00-13:00"], bh=True, drop=["delivered-by:support-worker"], add=["delivered-by:volunteer"])
S("fivetowns", "five-towns-castleford-drop-in", "Castleford Drop-in", "drop_in", "Wakefield",
  locs=["castleford"], sched=["FR 10:00-13:00"], bh=True, status="temporarily closed",
  alert="Closed while the building is repaired. Please use the Pontefract drop-in on Wednesdays until it reopens.",
  drop=["delivered-by:support-worker"], add=["delivered-by:volunteer"])
S("hemsworthpv", "hemsworth-over-55s-coffee", "Over-55s Coffee and Chat", "peer_group", "Wakefield",
  locs=["hemsworth"], sched=["TH 10:30-12:30"], ages=(55, None), add=["audience:older-adults", "access-needs:easy-read"],
  text="A friendly morning for people aged 55 and over who are going through a hard time, including self-harm. "
       "Have a coffee, talk with others who understand, and hear about other help in the area.")
S("wakecomm", "wakefield-wellbeing-navigators", "Wakefield Wellbeing Navigators", "la_navigator", "Wakefield",
  locs=["wakefield-council"], sched=["MO-FR 09:00-17:00"], add=["access:professional-referral"])
S("castlefoods", "castleford-foods-first-aiders", "Mental Health First Aiders on Site", "workplace_mhfa", "Wakefield",
  locs=["castleford-foods"], sched=["MO-FR 06:00-22:00"])
S("castlefoods", "castleford-foods-staff-counselling", "Staff Counselling", "workplace_eap", "Wakefield",
  locs=["castleford-foods"], add=["delivery:in-person", "setting:workplace"], drop=["format:helpline"],
  text="Free, confidential counselling for staff, on site or by phone. Up to six sessions, and you can ask for more.",
  exp=dict(wait=7, first="Ask HR or a mental health first aider for the counsellor's number, or pick up a card in the canteen. Your manager is not told."))
S("caldercolne", "caldercolne-wakefield-follow-up", "Wakefield Self-Harm Follow-up Clinic", "self_harm_clinic", "Wakefield",
  locs=["wakefield-hospital"], sched=["MO-FR 09:00-17:00"])

# ================================ Barnsley ================================
S("pennine", "pennine-monday-group", "Barnsley Peer Group", "peer_group", "Barnsley",
  locs=["barnsley"], sched=["MO 18:00-20:00"])
S("pennine", "pennine-peer-text", "Pennine Peer Text Support", "textline", "Barnsley",
  sched=["MO-FR 17:00-22:00"], drop=["delivered-by:volunteer", "support:crisis"], add=["delivered-by:peer", "support:peer-support"],
  text="Text support from trained peer supporters who have their own experience of self-harm. You can text about how your day has been, or about something that is worrying you.")
S("eldonst", "eldonst-drop-in", "Eldon Street Drop-in", "drop_in", "Barnsley",
  locs=["barnsley-eldonst"], sched=["TU,TH 10:00-14:00"], bh=True)
S("eldonst", "eldonst-back-to-work", "Eldon Street Back to Work", "employment", "Barnsley",
  locs=["barnsley-eldonst"], exp=dict(wait=10))
S("fellside", "fellside-wellbeing-group", "Penistone Wellbeing Group", "peer_group", "Barnsley",
  locs=["penistone"], sched=["WE 14:00-16:00"])
S("dearne", "dearne-talking-therapies", "Dearne Valley Talking Therapies", "talking_therapy", "Barnsley",
  locs=["barnsley-gp", "rotherham-gp", "doncaster-gp"], sched=["MO-FR 08:00-18:00"],
  areas=["Barnsley", "Rotherham", "Doncaster"], exp=dict(wait=91))
S("dearne", "dearne-barnsley-follow-up", "Barnsley Self-Harm Follow-up Clinic", "self_harm_clinic", "Barnsley",
  locs=["barnsley-hospital"], sched=["MO-FR 09:00-17:00"])
S("dearne", "dearne-barnsley-pharmacy-chats", "Pharmacy Wellbeing Chats", "pharmacy", "Barnsley",
  locs=["barnsley-pharmacy"], sched=["TU 10:00-13:00", "SA 10:00-13:00"])
S("barnsleyconnect", "barnsley-wellbeing-connect", "Barnsley Wellbeing Connect", "la_navigator", "Barnsley",
  locs=["barnsley-connect"], sched=["MO-FR 09:00-17:00"])
S("barnsleyconnect", "barnsley-hoyland-drop-in", "Hoyland Community Drop-in", "drop_in", "Barnsley",
  locs=["hoyland"], sched=["TH 13:00-15:00 to=2027-03-31"], bh=True,
  extra="This is a pilot that runs until the end of March 2027.")

# ================================ Rotherham ================================
S("rivcollege", "riverside-college-wellbeing", "Student Wellbeing Service", "college", "Rotherham",
  locs=["rotherham"], sched=["MO-FR 08:30-17:00 from=2026-09-01 to=2027-07-09"])
S("rivcollege", "riverside-adult-learners-group", "Adult Learners' Peer Group", "peer_group", "Rotherham",
  locs=["rotherham"], sched=["WE 17:30-19:00 from=2026-09-09 to=2027-06-30"], exp=dict(minutes=90),
  add=["audience:students", "eligibility:students-only", "setting:college"], drop=["setting:community-venue"],
  extra="It is for adult learners at the college, many of whom work or care for family in the day.")
S("kinship", "kinship-carers-group", "Kinship Carers Group", "carers_group", "Rotherham",
  locs=["rotherham-kinship"],
  when="It meets on the second Tuesday of each month, 6pm to 7:30pm. Call for the next date.")
S("kinship", "kinship-family-one-to-one", "One-to-One Support for Families", "support_1to1", "Rotherham",
  locs=["rotherham-kinship"], add=["support:family-and-carers", "audience:carers"], drop=["support:safety-planning"], exp=dict(wait=18),
  text="One-to-one support for a parent, partner, friend or carer of an adult who self-harms. "
       "A support worker helps you understand what is happening, talk about it without making things worse, and look after yourself.")
S("maltbymend", "maltby-mend-and-make", "Mend and Make Craft Group", "creative", "Rotherham",
  locs=["maltby"], sched=["TU 10:00-12:00"],
  cost=[("Materials", 2, "£2 a session towards materials. Nobody is turned away if they can't pay.")],
  fees="£2 a session towards materials, but nobody is turned away if they can't pay.")
S("rotherhaven", "rother-haven-crisis-cafe", "Rother Haven Crisis Café", "crisis_cafe", "Rotherham",
  locs=["rotherham-haven"], sched=["MO-FR 17:00-22:00", "SA,SU 14:00-22:00"])
S("rotherhaven", "rother-haven-night-line", "Rother Haven Night Line", "helpline", "Rotherham",
  sched=["ALL 22:00-02:00"], drop=["delivered-by:volunteer"], add=["delivered-by:support-worker", "delivered-by:peer", "support:safety-planning"],
  text="A phone line for the hardest hours of the night, after the café closes. A support worker or peer worker listens, "
       "helps you get through until morning, and can arrange a follow-up call the next day.")
S("dearne", "dearne-rotherham-follow-up", "Rotherham Self-Harm Follow-up Clinic", "self_harm_clinic", "Rotherham",
  locs=["rotherham-hospital"], sched=["MO-FR 09:00-17:00"])
S("rotherhaven", "rother-haven-wath-group", "Wath Peer Group", "peer_group", "Rotherham",
  locs=["wath"], sched=["MO 18:30-20:00"], exp=dict(minutes=90))

# ================================ Doncaster ================================
S("frenchgate", "frenchgate-peer-group", "Frenchgate Peer Group", "peer_group", "Doncaster",
  locs=["doncaster"], sched=["WE 18:00-20:00"])
S("frenchgate", "frenchgate-saturday-cafe", "Saturday Peer Café", "peer_drop_in", "Doncaster",
  locs=["doncaster"], sched=["SA 11:00-14:00"])
S("frenchgate", "frenchgate-safety-planning-workshop", "Safety Planning Workshop", "safety_workshop", "Doncaster",
  locs=["doncaster"], when="It runs on a Saturday morning about once a month. Call or email for the next date.")
S("railtown", "railtown-mens-talk", "Men's Talk Doncaster", "peer_group", "Doncaster",
  locs=["doncaster-rail"], sched=["TH 19:00-21:00"], add=["audience:men", "eligibility:men-only"],
  extra="It's for men who are finding things hard. Plenty of men who come have self-harmed, and many say it was the first time they talked about it.")
S("railtown", "railtown-kickabout", "Kickabout and Chat", "peer_group", "Doncaster",
  locs=["doncaster-park"], sched=["SU 10:00-12:00"], add=["audience:men"],
  text="A relaxed game of football followed by a brew and a chat. Any fitness, any skill. Women are welcome too.")
S("thornemoors", "thorne-wellbeing-group", "Thorne Wellbeing Group", "peer_group", "Doncaster",
  locs=["thorne"], sched=["TU 13:30-15:30"], drop=["delivered-by:peer"], add=["delivered-by:volunteer"])
S("doncnav", "doncaster-wellbeing-navigators", "Doncaster Wellbeing Navigators", "la_navigator", "Doncaster",
  locs=["doncaster-council"], sched=["MO-FR 09:00-17:00"])
S("doncnav", "doncaster-mexborough-outreach", "Mexborough Outreach Drop-in", "drop_in", "Doncaster",
  locs=["mexborough"], sched=["MO 10:00-12:00"], bh=True)
S("donvalleyrail", "don-valley-rail-assistance-line", "Employee Assistance Line", "workplace_eap", "Doncaster",
  sched=["ALL 00:00-23:59"], extra="Partners and adult family members of staff can use it too.")
S("dearne", "dearne-doncaster-follow-up", "Doncaster Self-Harm Follow-up Clinic", "self_harm_clinic", "Doncaster",
  locs=["doncaster-hospital"], sched=["MO-FR 09:00-17:00"])

# ================================ Kingston upon Hull ================================
S("humberhealth", "humber-psychological-therapies", "Humber Estuary Psychological Therapies", "talking_therapy", "Kingston upon Hull",
  locs=["hull-gp-west", "beverley-gp", "grimsby-gp", "scunthorpe-gp"],
  sal={"hull-gp-west": ["MO-FR 08:00-20:00"], "beverley-gp": ["TU,TH 09:00-17:00"],
       "grimsby-gp": ["MO,WE 09:00-17:00"], "scunthorpe-gp": ["FR 09:00-17:00"]},
  areas=["Kingston upon Hull", "East Riding of Yorkshire", "North East Lincolnshire", "North Lincolnshire"],
  exp=dict(wait=105), add=["access-needs:interpreter"])
S("humberhealth", "humber-hull-follow-up", "Hull Self-Harm Follow-up Clinic", "self_harm_clinic", "Kingston upon Hull",
  locs=["hull-hospital"], sched=["MO-FR 09:00-17:00", "SA,SU 10:00-14:00"])
S("humberhealth", "humber-mental-health-line", "Humber 24-Hour Mental Health Line", "helpline", "Kingston upon Hull",
  sched=["ALL 00:00-23:59"], drop=["delivered-by:volunteer"], add=["delivered-by:nurse", "support:safety-planning"],
  areas=["Kingston upon Hull", "East Riding of Yorkshire", "North East Lincolnshire", "North Lincolnshire"],
  text="An NHS phone line for anyone who is in a mental health crisis, or worried about someone who is. "
       "A mental health nurse or practitioner listens, helps you make a plan to stay safe, and can arrange for the crisis team to see you.",
  exp=dict(first="Call the number. Someone from the mental health team answers, day or night."))
S("oldtown", "old-town-peer-group", "Old Town Peer Group", "peer_group", "Kingston upon Hull",
  locs=["hull-oldtown"], sched=["TU 18:00-20:00"])
S("oldtown", "old-town-sunday-cafe", "Sunday Peer Café", "peer_drop_in", "Kingston upon Hull",
  locs=["hull-oldtown"], sched=["SU 12:00-15:00"])
S("humberuni", "humber-bank-wellbeing", "Student Wellbeing Drop-in", "uni_wellbeing", "Kingston upon Hull",
  locs=["hull-uni"], sched=["MO-FR 09:00-17:00"])
S("humberuni", "humber-bank-counselling", "Student Counselling", "uni_counselling", "Kingston upon Hull",
  locs=["hull-uni"], sched=["MO-FR 09:00-17:00"], exp=dict(wait=35))
S("humberuni", "humber-bank-mature-students", "Mature Students' Peer Group", "peer_group", "Kingston upon Hull",
  locs=["hull-uni"], sched=["WE 12:00-13:30"], exp=dict(minutes=90),
  add=["audience:students", "eligibility:students-only", "setting:university"], drop=["setting:community-venue"])
S("hessleroad", "hessle-road-womens-group", "Hessle Road Women's Group", "peer_group", "Kingston upon Hull",
  locs=["hull-hessle"], sched=["MO 10:00-12:00"], add=["audience:women", "eligibility:women-only"], bh=True)
S("hessleroad", "hessle-road-one-to-one", "One-to-One Support for Women", "support_1to1", "Kingston upon Hull",
  locs=["hull-hessle"], add=["audience:women", "eligibility:women-only", "delivery:home-visit"], exp=dict(wait=30))
S("eastside", "eastside-listening-line", "Eastside Listening Line", "helpline", "Kingston upon Hull",
  sched=["MO-FR 19:00-23:00", "SA,SU 16:00-23:00"])
S("eastside", "eastside-holderness-drop-in", "Holderness Road Drop-in", "drop_in", "Kingston upon Hull",
  locs=["hull-holderness"], sched=["WE 10:00-14:00"], bh=True)
S("rainbowtides", "rainbowtides-peer-group", "Rainbow Tides LGBTQ+ Peer Group", "peer_group", "Kingston upon Hull",
  locs=["hull-rainbowtides"], sched=["TH 19:00-21:00"], add=["audience:lgbtq"])
S("humberwind", "humber-wind-staff-support", "Humber Wind Staff Support", "workplace_eap", "Kingston upon Hull",
  locs=["hull-dock"], add=["delivery:in-person", "setting:workplace"],
  extra="Technicians working offshore can call from the vessel. A counsellor is also on site at the dock on Tuesdays.")
S("welcometable", "welcome-table-wellbeing-group", "Welcome Table Wellbeing Group", "peer_group", "Kingston upon Hull",
  locs=["hull-springbank"], sched=["FR 13:00-15:00"], langs=["ar", "ku", "fa", "pl"],
  add=["audience:ethnic-minority", "access-needs:interpreter", "delivered-by:support-worker"],
  extra="Interpreters come to every group. It is for adults who have come to the UK as refugees, asylum seekers or new arrivals.")

# ================================ East Riding of Yorkshire (few services, as in the study) ================================
S("westwood", "westwood-counselling", "Westwood Counselling", "counselling_paid", "East Riding of Yorkshire",
  locs=["beverley"], sched=["MO-FR 09:00-19:00"], exp=dict(wait=21),
  cost=[("Standard fee", 35, "£35 for each 50-minute session"),
        ("Low-income fee", 15, "£15 for each session if you are on benefits or a low income")],
  fees="£35 a session, or £15 if you are on benefits or a low income.")
S("bridharbour", "bridlington-harbour-peer-group", "Bridlington Harbour Peer Group", "peer_group", "East Riding of Yorkshire",
  locs=["bridlington"], sched=["WE 18:00-20:00"])
S("bridharbour", "bridlington-harbour-drop-in", "Harbour Wellbeing Drop-in", "drop_in", "East Riding of Yorkshire",
  locs=["bridlington"], sched=["FR 10:00-13:00"], bh=True)
S("gooleport", "goole-community-drop-in", "Goole Community Drop-in", "drop_in", "East Riding of Yorkshire",
  locs=["goole"], sched=["TU 10:00-13:00"], bh=True)
S("gooleport", "goole-mens-group", "Goole Men's Group", "peer_group", "East Riding of Yorkshire",
  locs=["goole"], sched=["TH 18:30-20:30"], add=["audience:men", "eligibility:men-only"], status="inactive", days=300,
  alert="Paused while we look for a new group host. Call the hub to hear when it restarts.")
S("erynav", "east-riding-wellbeing-navigators", "East Riding Wellbeing Navigators", "la_navigator", "East Riding of Yorkshire",
  locs=["beverley-council"], sched=["MO-FR 09:00-17:00"], add=["delivery:home-visit"],
  extra="If you live in a village and can't easily travel, a navigator can meet you at home or in a local café.")
S("erynav", "east-riding-driffield-outreach", "Driffield Monthly Outreach", "drop_in", "East Riding of Yorkshire",
  locs=["driffield"], days=395,
  when="It runs on the last Wednesday of each month, 10am to 1pm. Call to check the next date.",
  extra="This is the only regular in-person support for self-harm in the Wolds, so it can be busy.")
S("humberhealth", "humber-rural-home-support", "Rural Home Support", "home_visit", "East Riding of Yorkshire",
  exp=dict(wait=28), add=["sector:nhs"])

# ================================ North East Lincolnshire ================================
S("grimsbydocks", "grimsby-docks-peer-group", "Docks Peer Group", "peer_group", "North East Lincolnshire",
  locs=["grimsby"], sched=["TU 18:30-20:30"])
S("grimsbydocks", "grimsby-mens-peer-group", "Grimsby Men's Peer Group", "peer_group", "North East Lincolnshire",
  locs=["grimsby"], sched=["SU 11:00-13:00"], add=["audience:men", "eligibility:men-only"])
S("shoreline", "shoreline-drop-in", "Shoreline Drop-in", "drop_in", "North East Lincolnshire",
  locs=["cleethorpes"], sched=["MO,TH 10:00-14:00"], bh=True)
S("shoreline", "shoreline-art-and-crafts", "Shoreline Art and Crafts", "creative", "North East Lincolnshire",
  locs=["cleethorpes"], sched=["WE 13:00-15:00"], add=["access-needs:quiet-space"])
S("freemanst", "freeman-street-womens-group", "Freeman Street Women's Group", "peer_group", "North East Lincolnshire",
  locs=["grimsby-freeman"], sched=["WE 10:00-12:00"], add=["audience:women", "eligibility:women-only"], bh=True)
S("freemanst", "freeman-street-one-to-one", "Women's One-to-One Support", "support_1to1", "North East Lincolnshire",
  locs=["grimsby-freeman"], add=["audience:women", "eligibility:women-only"], exp=dict(wait=21))
S("nelconnect", "nel-community-connectors", "Community Connectors", "la_navigator", "North East Lincolnshire",
  locs=["grimsby-council"], sched=["MO-FR 09:00-17:00"])
S("humberhealth", "humber-grimsby-follow-up", "Grimsby Self-Harm Follow-up Clinic", "self_harm_clinic", "North East Lincolnshire",
  locs=["grimsby-hospital"], sched=["MO-FR 09:00-17:00"])
S("nelconnect", "nel-immingham-outreach", "Immingham Outreach Drop-in", "drop_in", "North East Lincolnshire",
  locs=["immingham"], sched=["TH 13:00-15:00"], bh=True)

# ================================ North Lincolnshire ================================
S("furnace", "furnace-peer-group", "Furnace Peer Group", "peer_group", "North Lincolnshire",
  locs=["scunthorpe"], sched=["MO 18:30-20:30"])
S("furnace", "furnace-online-group", "Furnace Online Group", "online_peer_group", "North Lincolnshire",
  sched=["TH 20:00-21:30"])
S("furnace", "furnace-work-club", "Furnace Work Club", "employment", "North Lincolnshire",
  locs=["scunthorpe"], sched=["WE 10:00-12:00"], add=["format:group", "delivered-by:peer"], exp=dict(sessions="ongoing", wait=0),
  extra="On Wednesday mornings there is also a work club, where you can use the computers and get help from a coach and others looking for work.")
S("ancholme", "ancholme-brigg-group", "Brigg Wellbeing Group", "peer_group", "North Lincolnshire",
  locs=["brigg"], sched=["FR 10:30-12:30"])
S("forcesfriends", "forces-friends-breakfast", "Forces Friends Breakfast Club", "peer_group", "North Lincolnshire",
  locs=["barton"], sched=["SA 09:00-11:00"], add=["audience:veterans"],
  text="A breakfast club for people who have served in the armed forces. Have a bacon sandwich and a brew with people who get it. "
       "Peer supporters who are veterans themselves are there to talk, and can help you find forces charities and other support.")
S("humberhealth", "humber-scunthorpe-follow-up", "Scunthorpe Self-Harm Follow-up Clinic", "self_harm_clinic", "North Lincolnshire",
  locs=["scunthorpe-hospital"], sched=["MO-FR 09:00-17:00"])
S("humberhealth", "humber-scunthorpe-pharmacy-chats", "Pharmacy Wellbeing Chats", "pharmacy", "North Lincolnshire",
  locs=["scunthorpe-pharmacy"], sched=["TH 10:00-16:00"])

# ================================ North Yorkshire (rural gaps, as in the study) ================================
S("straycounsel", "stray-counselling", "Stray Counselling", "counselling_paid", "North Yorkshire",
  locs=["harrogate"], sched=["MO-FR 08:00-20:00", "SA 09:00-12:00"], exp=dict(wait=7), add=["delivery:phone"],
  cost=[("Standard fee", 45, "£45 for each 50-minute session"),
        ("Concession", 20, "£20 for each session for people on benefits, students and carers")],
  fees="£45 a session, or £20 if you are on benefits, a student or a carer.")
S("harrogatepeers", "harrogate-peer-group", "Harrogate Peer Group", "peer_group", "North Yorkshire",
  locs=["harrogate-peers"], sched=["TH 18:30-20:30"])
S("scarbay", "scarborough-bay-drop-in", "Scarborough Bay Drop-in", "drop_in", "North Yorkshire",
  locs=["scarborough"], sched=["MO,WE,FR 10:00-15:00"], bh=True)
S("scarbay", "scarborough-bay-peer-group", "Bay Peer Group", "peer_group", "North Yorkshire",
  locs=["scarborough"], sched=["TU 18:00-20:00"])
S("scarbay", "scarborough-seaside-creative", "Seaside Creative Group", "creative", "North Yorkshire",
  locs=["scarborough"], sched=["SA 10:30-12:30 from=2026-04-04 to=2026-10-31", "SA 10:30-12:30 from=2027-04-03 to=2027-10-30"],
  extra="It runs in spring and summer only. The next season starts in April.")
S("whitbylisten", "whitby-harbour-drop-in", "Whitby Harbour Drop-in", "drop_in", "North Yorkshire",
  locs=["whitby"], sched=["TH 11:00-14:00"], drop=["delivered-by:support-worker"], add=["delivered-by:volunteer"], days=230)
S("cravendales", "craven-skipton-peer-group", "Skipton Peer Group", "peer_group", "North Yorkshire",
  locs=["skipton"], sched=["WE 18:30-20:30"])
S("cravendales", "craven-dales-outreach-worker", "Dales Outreach Worker", "home_visit", "North Yorkshire",
  exp=dict(wait=42), add=["delivery:online"],
  extra="One worker covers Settle, the upper Dales and Richmondshire, so there can be a wait. In the meantime they can talk by phone or video.")
S("selbyouse", "selby-wellbeing-group", "Selby Wellbeing Group", "peer_group", "North Yorkshire",
  locs=["selby"], sched=["MO 13:00-15:00"])
S("selbyouse", "selby-text-support", "Selby Text Support", "textline", "North Yorkshire",
  sched=["MO-FR 18:00-22:00"], status="defunct", days=250,
  alert="This service closed in June 2026 when its funding ended. White Rose Textline and Shout are still available.")
S("moorsvale", "moors-vale-talking-therapies", "Moors and Vale Talking Therapies", "talking_therapy", "North Yorkshire",
  locs=["harrogate-gp", "scarborough-gp", "northallerton-gp", "york-gp"],
  sal={"harrogate-gp": ["MO-FR 09:00-17:00"], "scarborough-gp": ["MO-TH 09:00-17:00"],
       "northallerton-gp": ["WE 09:00-17:00"], "york-gp": ["MO-FR 08:00-20:00"]},
  areas=["North Yorkshire", "York"], exp=dict(wait=119), days=210,
  extra="In Hambleton, appointments in person are only at Northallerton on Wednesdays, but you can have phone or video sessions on any weekday.")
S("moorsvale", "moors-vale-scarborough-follow-up", "Scarborough Self-Harm Follow-up Clinic", "self_harm_clinic", "North Yorkshire",
  locs=["scarborough-hospital"], sched=["MO-FR 09:00-17:00"])
S("nycomm", "north-yorkshire-wellbeing-navigators", "North Yorkshire Wellbeing Navigators", "la_navigator", "North Yorkshire",
  locs=["northallerton"], sched=["MO-FR 09:00-17:00"], add=["delivery:online", "delivery:home-visit"],
  extra="Most of the county has few local groups, so navigators often work by phone or video, or visit you at home.")
S("ryedalerural", "ryedale-malton-monthly-group", "Malton Monthly Wellbeing Group", "peer_group", "North Yorkshire",
  locs=["malton"], drop=["delivered-by:peer"], add=["delivered-by:volunteer"], exp=dict(freq="monthly"), days=410,
  when="It meets on the first Saturday of each month, 10am to noon. Call to check the date.",
  extra="It is the only group of its kind in Ryedale.")
S("moorsvale", "moors-vale-richmond-gp-appointments", "GP Practice Wellbeing Appointments", "gp_clinic", "North Yorkshire",
  locs=["richmond"], sched=["TU 09:00-17:00"], add=["delivered-by:doctor"])

# ================================ York ================================
S("ousefoss", "ouse-foss-wellbeing-drop-in", "Student Wellbeing Drop-in", "uni_wellbeing", "York",
  locs=["york-uni"], sched=["MO-FR 10:00-16:00"])
S("ousefoss", "ouse-foss-counselling", "Student Counselling", "uni_counselling", "York",
  locs=["york-uni"], sched=["MO-FR 09:00-17:00"], exp=dict(wait=42), add=["access-needs:neurodivergent-adjustments"])
S("yorkwalls", "york-walls-peer-group", "York Walls Peer Group", "peer_group", "York",
  locs=["york-walls"], sched=["MO 18:00-20:00"])
S("yorkwalls", "york-walls-sunday-walk", "Sunday Walk and Talk", "peer_group", "York",
  locs=["york-walls"], sched=["SU 10:30-12:30"],
  text="A gentle walk round the city walls and along the river with peer supporters and others who self-harm. "
       "Walking side by side can make it easier to talk, or you can just enjoy the company.")
S("yorkwalls", "york-walls-snug-crisis-cafe", "The Snug Crisis Café", "crisis_cafe", "York",
  locs=["york-snug"], sched=["ALL 18:00-23:00"], add=["delivery:phone"])
S("acombwomen", "acomb-womens-group", "Acomb Women's Group", "peer_group", "York",
  locs=["york-acomb"], sched=["TU 10:00-12:00"], add=["audience:women", "eligibility:women-only"], bh=True)
S("snickelways", "snickelways-creative", "Snickelways Writing and Art", "creative", "York",
  locs=["york-snickelways"], sched=["WE 18:00-20:00"])
S("yorknav", "york-wellbeing-navigators", "York Wellbeing Navigators", "la_navigator", "York",
  locs=["york-council"], sched=["MO-FR 09:00-17:00"])
S("lateryears", "silver-threads-over-55s", "Later Years Over-55s Group", "peer_group", "York",
  locs=["york-acomb-hall"], sched=["WE 14:00-16:00"], ages=(55, None), add=["audience:older-adults", "access-needs:easy-read"],
  text="An afternoon group for people aged 55 and over who are finding life hard, including people who self-harm. "
       "Tea, cake and conversation with people who understand. Volunteers can give you a lift if you can't get there.")
S("lateryears", "silver-threads-phone-friends", "Later Years Phone Friends", "befriending", "York",
  sched=["MO-FR 10:00-16:00"], bh=True)
S("fossbridge", "foss-bridge-colleague-wellbeing", "Colleague Wellbeing Service", "workplace_eap", "York",
  locs=["york-fossbridge"], add=["delivery:in-person", "setting:workplace", "access-needs:neurodivergent-adjustments"])
S("moorsvale", "moors-vale-york-follow-up", "York Self-Harm Follow-up Clinic", "self_harm_clinic", "York",
  locs=["york-hospital"], sched=["MO-FR 09:00-17:00"])

# ================================ Across Yorkshire and the Humber (remote) ================================
S("whiterosetext", "white-rose-textline", "White Rose Textline", "textline", "ALL",
  sched=["ALL 18:00-02:00"])
S("emberlight", "emberlight-online-community", "Emberlight Online Peer Space", "online_community", "ALL",
  sched=["ALL 00:00-23:59"], extra="Moderators check new posts from 7am to 1am. Posts made overnight wait until a moderator is back.")
S("emberlight", "emberlight-night-owls", "Night Owls Online Group", "online_peer_group", "ALL",
  sched=["FR,SA 22:00-00:30"], exp=dict(minutes=150),
  extra="It is for people who find late nights hard. It runs late on Friday and Saturday nights.")
S("openpalm", "signing-hands-bsl-support", "BSL Wellbeing Support", "support_1to1", "ALL",
  add=["delivery:online", "delivery:text", "access-needs:bsl"], drop=["delivery:phone", "delivery:in-person", "setting:community-venue"],
  exp=dict(wait=14, first="Send a text or email, or contact us through video relay. A Deaf support worker replies within 3 working days to arrange a video call."),
  text="One-to-one support in British Sign Language with a Deaf support worker, by video call. "
       "You can talk about self-harm and make a safety plan without needing an interpreter.",
  when="Appointments are arranged with you. Contact us by text, email or video relay.")
S("openpalm", "signing-hands-deaf-peer-group", "Deaf Peer Group (BSL)", "online_peer_group", "ALL",
  sched=["TU 18:00-19:30"], add=["access-needs:bsl"],
  text="An online peer group by video call for Deaf adults who self-harm, held in British Sign Language. "
       "It is hosted by Deaf peer supporters with their own lived experience. You can share as much or as little as you like.")
S("laterallines", "square-peg-autistic-peer-group", "Autistic Adults Peer Group", "online_peer_group", "ALL",
  sched=["TU 14:00-15:30", "TH 19:00-20:30"],
  add=["audience:neurodivergent", "access-needs:neurodivergent-adjustments", "access-needs:easy-read"],
  extra="It is run by autistic people. You can join by text chat only, and you will get the plan for each session in advance.")
S("laterallines", "square-peg-one-to-one", "Autistic-Led One-to-One Support", "support_1to1", "ALL",
  add=["delivery:online", "delivery:text", "audience:neurodivergent", "access-needs:neurodivergent-adjustments",
       "access-needs:easy-read"], drop=["delivery:in-person", "setting:community-venue"], exp=dict(wait=60),
  extra="Your support worker is autistic too. You choose how you talk: phone, video, text or email.")
S("forceswellbeing", "white-rose-forces-line", "Forces Wellbeing Line", "helpline", "ALL",
  sched=["MO-FR 09:00-21:00"], add=["audience:veterans", "delivered-by:peer", "support:peer-support"], drop=["support:crisis"],
  text="A phone line for people who have served in the armed forces, and their families. You speak to a trained volunteer who has served too.")
S("carerscircle", "carers-circle-online-group", "Online Group for Family and Carers", "carers_group", "ALL",
  sched=["MO 19:30-21:00"], drop=["delivery:in-person", "setting:community-venue", "access:no-referral"],
  add=["delivery:online", "access:self-referral"], exp=dict(freq="weekly", first="Email or call to get the link. A worker will check in with you before your first group."))
S("ridgeway", "ridgeway-employment-coaching", "Employment Coaching", "employment", "ALL",
  drop=["delivery:in-person", "setting:community-venue"], exp=dict(wait=21), add=["audience:employees"],
  extra="It also helps people who are in work but struggling, or off sick, to stay in their job.")
S("evergreen", "evergreen-phone-friends", "Evergreen Phone Friends", "befriending", "ALL",
  exp=dict(wait=30), when="Calls are at a time that suits you, agreed with your volunteer.")
S("openpage", "open-page-self-help-guides", "Self-Help Guides for Self-Harm", "self_help", "ALL",
  add=["access-needs:easy-read"])
S("openpage", "open-page-online-course", "Understanding Self-Harm Online Course", "course", "ALL",
  sched=["TU 19:00-20:30 from=2027-01-12 to=2027-02-02"])

# ================================ Issue 17: more universities, colleges and employers ================================
S("rivelin", "rivelin-wellbeing-drop-in", "Student Wellbeing Drop-in", "uni_wellbeing", "Sheffield",
  locs=["shf-uni2"], sched=["MO-FR 10:00-16:00 from=2026-09-14 to=2027-06-11"])
S("rivelin", "rivelin-counselling", "Student Counselling", "uni_counselling", "Sheffield",
  locs=["shf-uni2"], sched=["MO-FR 09:00-17:00"], exp=dict(wait=28))
S("meanwooduni", "meanwood-wellbeing-drop-in", "Student Wellbeing Drop-in", "uni_wellbeing", "Leeds",
  locs=["lds-uni-city"], sched=["MO-FR 09:30-16:30", "WE 17:00-19:00"])
S("meanwooduni", "meanwood-counselling", "Student Counselling and Mental Health Team", "uni_counselling", "Leeds",
  locs=["lds-uni-city"], sched=["MO-FR 09:00-17:00"], exp=dict(wait=14))
S("horsforthhall", "horsforth-hall-student-support", "Student Support Team", "uni_wellbeing", "Leeds",
  locs=["lds-uni-hall"], sched=["MO-FR 09:00-17:00"])
S("woodhousearts", "woodhouse-arts-student-advice", "Student Advice and Wellbeing", "uni_wellbeing", "Leeds",
  locs=["lds-arts"], sched=["MO-TH 10:00-16:00"])
S("quarryhill", "quarry-hill-student-support", "Student Support and Wellbeing", "uni_wellbeing", "Leeds",
  locs=["lds-conservatoire"], sched=["TU-TH 10:00-16:00"],
  extra="Performers and musicians can talk about pressure before auditions and shows, as well as anything else.")
S("bradfordbeck", "bradford-beck-wellbeing", "Student Wellbeing Drop-in", "uni_wellbeing", "Bradford",
  locs=["brd-uni"], sched=["MO-FR 10:00-16:00"], langs=["ur"])
S("bradfordbeck", "bradford-beck-counselling", "Student Counselling", "uni_counselling", "Bradford",
  locs=["brd-uni"], sched=["MO-FR 09:00-17:00"], exp=dict(wait=21))
S("minstergates", "minster-gates-wellbeing", "Student Wellbeing Centre", "uni_wellbeing", "York",
  locs=["york-uni2"], sched=["MO-FR 09:30-16:30"])
S("chantrybridge", "chantry-bridge-wellbeing", "Student Wellbeing Team", "college", "Wakefield",
  locs=["wakefield-college"], sched=["MO-FR 08:30-16:30 from=2026-09-01 to=2027-07-16"])
S("grimsbyhaven", "grimsby-haven-learner-support", "Learner Wellbeing Support", "college", "North East Lincolnshire",
  locs=["grimsby-college"], sched=["MO-TH 09:00-19:00", "FR 09:00-16:00"],
  extra="It is open into the evening for adult learners on evening courses.")
S("townfield", "town-field-student-hub", "Student Wellbeing Hub", "college", "Doncaster",
  locs=["doncaster-college"], sched=["MO-FR 08:30-16:30"])
S("bowlingbeck", "bowling-beck-first-aiders", "Mental Health First Aiders at Mill Lane", "workplace_mhfa", "Bradford",
  locs=["brd-mill"], sched=["MO-FR 06:00-22:00"])
S("bowlingbeck", "bowling-beck-staff-line", "Staff Support Line", "workplace_eap", "Bradford",
  sched=["ALL 00:00-23:59"], langs=["ur", "pa"])
S("loxleyedge", "loxley-edge-first-aiders", "Mental Health First Aiders at Attercliffe Works", "workplace_mhfa", "Sheffield",
  locs=["shf-forge"], sched=["MO-FR 06:00-22:00", "SA 06:00-14:00"])
S("loxleyedge", "loxley-edge-employee-assistance", "Employee Assistance Programme", "workplace_eap", "Sheffield",
  sched=["MO-FR 08:00-20:00"])

# ================================ Real national crisis contacts (the only real entries) ================================
# The crisis contacts of docs/safety/policy.md §2 (read from the organisations' own pages, November 2026).
REAL_CHECKED = 9  # days before TODAY: 2026-11-20, the last_verified date in data/crisis-contacts.json
S("samaritans", "samaritans-helpline", "Samaritans", "helpline", "NATIONAL", real=True, days=REAL_CHECKED,
  codes=["delivery:phone", "delivery:online", "format:helpline", "delivered-by:volunteer", "access:no-referral",
         "support:crisis", "sector:vcse"],
  sched=["ALL 00:00-23:59"], ages=(None, None), url="https://www.samaritans.org/how-we-can-help/contact-samaritan/", email="jo@samaritans.org",
  phones=[("116 123", "Call free, 24 hours a day, every day")], contact=("Samaritans", "Helpline"),
  fulltext="Samaritans volunteers listen to anyone who is struggling to cope, at any time of the day or night. "
           "You can talk about anything, and you don't have to be suicidal to call. Call 116 123 for free from any phone. "
           "You can also email jo@samaritans.org, but a reply takes longer than a call. "
           "This is a real service. If your life is at risk now, call 999 or go to A&E.",
  exp=dict(sessions="ongoing", freq="as-needed", wait=0,
           first="Call 116 123. A trained volunteer answers and listens. You don't have to give your name."))
S("shout", "shout-text-service", "Shout", "textline", "NATIONAL", real=True, days=REAL_CHECKED,
  codes=["delivery:text", "format:helpline", "delivered-by:volunteer", "access:no-referral", "support:crisis", "sector:vcse"],
  sched=["ALL 00:00-23:59"], ages=(None, None), url="https://giveusashout.org/get-help/",
  phones=[("85258", "Text SHOUT to 85258, 24 hours a day, every day")], contact=("Shout", "Text service"),
  fulltext="Shout is a free, confidential text service for anyone who is struggling to cope. Text SHOUT to 85258, "
           "at any time of the day or night, and a trained volunteer will text you back. "
           "This is a real service. If your life is at risk now, call 999 or go to A&E.",
  exp=dict(sessions="ongoing", freq="as-needed", wait=0,
           first="Text SHOUT to 85258. You get an automatic reply, then a trained volunteer texts you back."))
S("papyrus", "papyrus-hopeline247", "PAPYRUS HOPELINE247", "helpline", "NATIONAL", real=True, days=REAL_CHECKED,
  codes=["delivery:phone", "format:helpline", "delivered-by:support-worker", "access:no-referral", "support:crisis",
         "support:safety-planning", "sector:vcse"],
  sched=["ALL 00:00-23:59"], ages=(None, 34), url="https://www.papyrus-uk.org/hopeline247/",
  phones=[("0800 068 4141", "Call HOPELINE247, 24 hours a day, every day")], contact=("HOPELINE247", "Helpline"),
  fulltext="HOPELINE247 is a confidential helpline for people under 35 who are having thoughts of suicide, "
           "and for anyone worried about a young person. Trained advisers listen and help you think about how to keep yourself safe. "
           "Call 0800 068 4141, at any time of the day or night. "
           "This is a real service. If your life is at risk now, call 999 or go to A&E.",
  exp=dict(sessions="ongoing", freq="as-needed", wait=0,
           first="Call 0800 068 4141. A suicide prevention adviser answers and talks with you."))
S("calm", "calm-helpline", "CALM helpline", "helpline", "NATIONAL", real=True, days=REAL_CHECKED,
  codes=["delivery:phone", "format:helpline", "delivered-by:support-worker", "access:no-referral", "support:crisis",
         "sector:vcse"],
  sched=["ALL 17:00-00:00"], ages=(None, None), url="https://www.thecalmzone.net/get-support",
  phones=[("0800 58 58 58", "Call from 5pm to midnight, every day")], contact=("CALM helpline", "Helpline"),
  fulltext="The Campaign Against Living Miserably (CALM) runs a free, confidential helpline for anyone who is struggling "
           "or needs to talk. Trained staff listen, without judging, and can help you find support. "
           "Call 0800 58 58 58, from 5pm to midnight every day. "
           "This is a real service. If your life is at risk now, call 999 or go to A&E.",
  exp=dict(sessions="ongoing", freq="as-needed", wait=0,
           first="Call 0800 58 58 58 between 5pm and midnight. A trained helpline worker answers."))
S("nhsengland", "nhs-111-mental-health", "NHS 111 mental health option", "helpline", "NATIONAL", real=True, days=REAL_CHECKED,
  codes=["delivery:phone", "format:helpline", "delivered-by:support-worker", "access:no-referral", "support:crisis",
         "sector:nhs"],
  sched=["ALL 00:00-23:59"], ages=(None, None), url="https://www.nhs.uk/nhs-services/mental-health-services/where-to-get-urgent-help-for-mental-health/",
  phones=[("111", "Call 111 and choose the mental health option, 24 hours a day")], contact=("NHS 111", "Helpline"),
  fulltext="If you need urgent help for your mental health in England, call 111 and choose the mental health option. "
           "You speak to someone from a local NHS mental health team, 24 hours a day, every day. "
           "This is a real service. If your life is at risk now, call 999 or go to A&E.",
  exp=dict(sessions="ongoing", freq="as-needed", wait=0,
           first="Call 111 and choose the mental health option. A member of the NHS mental health team talks with you."))


# --------------------------------------------------------------------------------------------------
# Build
# --------------------------------------------------------------------------------------------------
def term(code: str) -> dict:
    label, desc = VOCAB[code]
    return {"id": U(code), "name": label, "description": desc, "taxonomy": "waymark",
            "taxonomy_id": TAXONOMY_ID, "code": code}


def location_obj(vkey: str) -> dict:
    name, addr1, city, postcode, _lat, _lon, flags, note = VENUES[vkey]
    lat, lon = venue_coords(vkey)
    lid = U("location:" + vkey)
    loc = {
        "id": lid, "location_type": "physical", "name": name, "latitude": lat, "longitude": lon,
        "addresses": [{"id": U("address:" + vkey), "location_id": lid, "address_1": addr1, "city": city,
                       "state_province": CITY_LA[city], "postal_code": postcode, "country": "GB",
                       "address_type": "physical"}],
    }
    text = " ".join([ACCESS_TEXT[f] for f in flags] + ([note] if note else []))
    if not flags:
        text = ("No step-free access. " + text).strip()
    loc["accessibility"] = [{"id": U("accessibility:" + vkey), "location_id": lid, "description": text}]
    return loc


def when_sentence(d: dict) -> str:
    if d.get("sched"):
        return "When: " + "; ".join(lower_first(parse_spec(s)["description"]) for s in d["sched"]) + "."
    if d.get("sal"):
        bits = []
        for vkey, specs in d["sal"].items():
            times = " and ".join(lower_first(parse_spec(s)["description"]) if i else parse_spec(s)["description"]
                                 for i, s in enumerate(specs))
            bits.append(f"at {VENUES[vkey][0]}, {lower_first(times)}")
        return "When: " + "; ".join(bits) + "."
    if d.get("when"):
        return d["when"]
    if d["kind"] == "online_community":
        return "You can read and post at any time."
    if d["kind"] == "self_help":
        return "You can use it at any time."
    return "There are no set times. Get in touch to arrange a time that suits you."


def lower_first(s: str) -> str:
    keep = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    return s if s.startswith(keep) else s[0].lower() + s[1:]


DELIVERY_WORDS = {"delivery:in-person": "in person", "delivery:phone": "by phone", "delivery:online": "by video call",
                  "delivery:text": "by text message", "delivery:home-visit": "at home"}


def description(d: dict, codes: list[str], exp: dict, ages: tuple, langs: list[str], org_name: str, bh: bool) -> str:
    if d.get("fulltext"):
        return d["fulltext"]
    kind = KINDS[d["kind"]]
    texts = kind["text"]
    parts = [d.get("text") or texts[h("text:" + d["slug"]) % len(texts)]]
    if d["kind"] == "peer_group" and "delivered-by:peer" not in codes and not d.get("text"):
        parts[0] = VOLUNTEER_GROUP_TEXT
    if d.get("extra"):
        parts.append(d["extra"])
    if kind.get("rule") and "format:group" in codes:
        parts.append(GROUP_RULE)
    if "delivered-by:volunteer" in codes and "delivered-by:support-worker" not in codes:
        parts[0] = parts[0].replace("a support worker", "a trained volunteer")
    deliveries = [c for c in codes if c.startswith("delivery:")]
    custom_says_how = bool(d.get("text")) and ("phone" in d["text"] or "video" in d["text"])
    if "format:one-to-one" in codes and len(deliveries) > 1 and not custom_says_how:
        parts.append("You can get this support " + join_words([DELIVERY_WORDS[c] for c in deliveries], "or") + ".")
    if ages[0] == 18 and ages[1] == 25:
        parts.append("It is for adults aged 18 to 25.")
    elif ages[0] == 55:
        parts.append("It is for adults aged 55 and over.")
    if "eligibility:women-only" in codes:
        parts.append("It is for women only.")
    if "eligibility:men-only" in codes:
        parts.append("It is for men only.")
    if "eligibility:students-only" in codes:
        parts.append(f"It is only for students of {org_name}.")
    if "eligibility:employees-only" in codes:
        parts.append(f"It is only for people who work for {org_name}.")
    others = [LANGUAGES[c] for c in langs if c != "en"]
    if others and "en" in langs:
        parts.append("You can talk in " + join_words(["English"] + others, "or") + ".")
    if "access-needs:interpreter" in codes:
        parts.append("An interpreter can be booked for other languages.")
    parts.append(when_sentence(d))
    if bh:
        parts.append("Closed on bank holidays.")
    wait = exp.get("wait")
    helpline_like = bool({"format:helpline", "format:self-help", "format:online-community"} & set(codes))
    if wait is not None and not helpline_like:
        if wait >= 14:
            parts.append(f"At the moment the wait is usually about {round(wait / 7)} weeks.")
        elif wait >= 2:
            parts.append(f"You can usually start within {wait} days.")
        elif wait == 1:
            parts.append("You can usually start within a day.")
        else:
            parts.append("There is no waiting list.")
    if d.get("cost"):
        parts.append("It costs " + d["fees"])
    else:
        parts.append("It is free.")
    return " ".join(parts)


def contact_for(d: dict, codes: list[str]) -> tuple[str, str, str]:
    if "format:helpline" in codes and "delivery:text" in codes and "delivery:phone" not in codes:
        return d["name"], "Text line", "Text this number"
    if "format:helpline" in codes:
        return d["name"], "Helpline", "Call this number" + (" free" if phone_prefix(d, codes).startswith("0808") else "")
    if "format:group" in codes and "delivered-by:peer" in codes:
        return "Group coordinator", "Peer support coordinator", "Call or text to ask about the group. Messages are answered within 2 working days."
    if "sector:nhs" in codes:
        return "Service administrator", "Referrals and appointments", "Call to refer yourself or to ask about an appointment, Monday to Friday, 9am to 5pm."
    if "sector:employer" in codes:
        return "Staff wellbeing", "Employee support", "Staff support line"
    return "Duty worker", "Enquiries", "Call to ask about this service, Monday to Friday, 10am to 4pm."


def build_service(d: dict) -> dict:
    slug, org = d["slug"], d["org"]
    sid = U("service:" + slug)
    org_name, org_sector, org_desc = ORGS[org]
    kind = KINDS[d["kind"]]
    real = d.get("real", False)

    if "codes" in d:
        codes = list(d["codes"])
    else:
        codes = list(kind["codes"]) + list(d.get("add", [])) + [org_sector]
        codes = [c for c in codes if c not in set(d.get("drop", []))]
    locs = d.get("locs", [])
    if locs:
        flags = [VENUES[v][6] for v in locs]
        for f, code in (("W", "access-needs:wheelchair"), ("L", "access-needs:hearing-loop"), ("Q", "access-needs:quiet-space")):
            if all(f in fl for fl in flags):
                codes.append(code)
    bh = d.get("bh", kind.get("bh", False)) and not real
    if bh:
        codes.append("schedule:closed-bank-holidays")
    # A college's, university's or employer's own service says it is "only for students of" / "only for people who
    # work for" the organisation (see description()): only that organisation's people may use it.
    if org_sector in ("sector:education", "sector:employer") and ({"eligibility:students-only", "eligibility:employees-only"} & set(codes)):
        codes.append("eligibility:members-only")
    codes = sorted(set(codes), key=lambda c: VOCAB_ORDER[c])

    exp = dict(kind["exp"])
    exp.update(d.get("exp", {}))
    ages = d.get("ages") or kind.get("ages") or (18, None)
    if kind.get("ages") and not d.get("ages"):
        ages = kind["ages"]
    if not real and (ages[0] or 0) < 18:
        ages = (18, ages[1])
    langs = ([] if d.get("noen") else ["en"]) + list(d.get("langs", []))

    if real:
        website, org_email = REAL_ORGS[org]
        org_obj = {"id": U("organization:" + org), "name": org_name, "description": org_desc, "website": website}
        if org_email:
            org_obj["email"] = org_email
    else:
        org_obj = {"id": U("organization:" + org), "name": org_name, "description": org_desc,
                   "website": f"https://example.org/{org}", "email": f"{org}@example.org"}

    days_ago = d.get("days") or 60 + h("assured:" + slug) % 121
    assured = TODAY - dt.timedelta(days=days_ago)
    hv = h("modified:" + slug)
    last_modified = f"{assured.isoformat()}T{9 + hv % 8:02d}:{(hv >> 8) % 60:02d}:{(hv >> 16) % 60:02d}.000Z"

    svc: dict = {"id": sid, "name": d["name"],
                 "description": description(d, codes, exp, ages, langs, org_name, bh)}
    svc["url"] = d.get("url") or f"https://example.org/{org}/{slug}"
    if d.get("email") or not real:
        svc["email"] = d.get("email") or f"{org}@example.org"
    svc["status"] = d.get("status", "active")
    if d.get("alert"):
        svc["alert"] = d["alert"]
    if d.get("fees"):
        svc["fees"] = d["fees"]
    if ages[0] is not None:
        svc["minimum_age"] = ages[0]
    if ages[1] is not None:
        svc["maximum_age"] = ages[1]
    svc["assured_date"] = assured.isoformat()
    svc["assurer_email"] = "sample-directory@example.org"
    svc["last_modified"] = last_modified
    svc["organization"] = org_obj
    svc["organization_id"] = org_obj["id"]

    sals = []
    for vkey in locs:
        sal_id = U(f"service_at_location:{slug}:{vkey}")
        loc = location_obj(vkey)
        sal = {"id": sal_id, "service_id": sid, "location_id": loc["id"], "location": loc}
        specs = d.get("sal", {}).get(vkey, [])
        if specs:
            sal["schedules"] = [dict({"id": U(f"schedule:{slug}:{vkey}:{i}"), "service_at_location_id": sal_id}, **parse_spec(s))
                                for i, s in enumerate(specs)]
        sals.append(sal)
    svc["service_at_locations"] = sals
    svc["schedules"] = [dict({"id": U(f"schedule:{slug}:{i}"), "service_id": sid}, **parse_spec(s))
                        for i, s in enumerate(d.get("sched", []))]
    svc["languages"] = [{"id": U(f"language:{slug}:{c}"), "service_id": sid, "name": LANGUAGES[c], "code": c} for c in langs]
    if d.get("cost"):
        svc["cost_options"] = [{"id": U(f"cost_option:{slug}:{i}"), "service_id": sid, "option": o, "amount": a,
                                "amount_description": ad} for i, (o, a, ad) in enumerate(d["cost"])]
    cid = U("contact:" + slug)
    cname, ctitle, pdesc = contact_for(d, codes)
    if d.get("contact"):
        cname, ctitle = d["contact"]
    if d.get("phones"):
        phones = d["phones"]
    else:
        phones = [(drama_number(phone_prefix(d, codes), slug), pdesc)]
    svc["contacts"] = [{"id": cid, "service_id": sid, "name": cname, "title": ctitle,
                        "phones": [{"id": U(f"phone:{slug}:{i}"), "contact_id": cid, "number": n, "description": pd}
                                   for i, (n, pd) in enumerate(phones)]}]
    if d["la"] == "NATIONAL":
        svc["service_areas"] = [{"id": U(f"service_area:{slug}:England"), "service_id": sid, "name": "England",
                                 "extent_type": "country", "service_area": "England"}]
    else:
        areas = d.get("areas") or [d["la"]]
        if areas == "ALL" or d["la"] == "ALL":
            areas = LAS
        svc["service_areas"] = [{"id": U(f"service_area:{slug}:{a}"), "service_id": sid, "name": a,
                                 "extent_type": "local_authority", "service_area": a} for a in areas]
    attrs = []
    values = {EXPECT_KEYS[k]: v for k, v in exp.items() if v is not None}
    all_codes = codes + [c for c in VOCAB if c in values]
    for code in sorted(set(all_codes), key=lambda c: VOCAB_ORDER[c]):
        a = {"id": U(f"attribute:{slug}:{code}"), "link_id": sid, "link_type": "service",
             "taxonomy_term_id": U(code), "taxonomy_term": term(code)}
        if code.startswith("expect:"):
            a["value"] = str(values[code])
        attrs.append(a)
    svc["attributes"] = attrs
    return svc


def build() -> list[dict]:
    return [build_service(d) for d in SERVICES]


# --------------------------------------------------------------------------------------------------
# Check
# --------------------------------------------------------------------------------------------------
UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
POSTCODE_RE = re.compile(r"^([A-Z]{1,2}\d{1,2}[A-Z]?) \d[ABD-HJLNP-UW-Z]{2}$")
BANNED_WORDS = ["committed suicide", "commit suicide", "attention seeking", "attention-seeking", "self-mutilation",
                "mentally ill", "self-inflicted", "successful suicide", "failed attempt"]
REAL_SLUGS = {"samaritans-helpline", "shout-text-service", "papyrus-hopeline247", "calm-helpline", "nhs-111-mental-health"}
REAL_NUMBERS = {"116 123", "85258", "0800 068 4141", "0800 58 58 58", "111"}
DRAMA_PREFIXES = ("0113 496 0", "0114 496 0", "0161 496 0", "020 7946 0", "01632 960", "07700 900", "0808 157 0", "0306 999 0")


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    x = (lon2 - lon1) * math.cos((lat1 + lat2) / 2)
    return 6371 * math.hypot(x, lat2 - lat1)


def check(services: list[dict]) -> list[str]:
    errs: list[str] = []

    def err(msg: str) -> None:
        errs.append(msg)

    # Counts
    orgs = {s["organization"]["id"] for s in services}
    if len(services) < 170:
        err(f"only {len(services)} services (need 170)")
    if len(orgs) < 65:
        err(f"only {len(orgs)} organisations (need 65)")

    # Ids: unique per kind of record; shared records (organisation, location, term) identical wherever repeated
    seen: dict[str, str] = {}
    shared: dict[str, str] = {}

    def own(i: str, what: str) -> None:
        if not UUID_RE.match(i):
            err(f"{what} id {i} is not a UUID")
        if i in seen:
            err(f"duplicate id {i} ({what} and {seen[i]})")
        seen[i] = what

    def share(obj: dict, what: str) -> None:
        blob = json.dumps(obj, sort_keys=True)
        if obj["id"] in shared and shared[obj["id"]] != blob:
            err(f"{what} {obj['id']} differs between services")
        shared[obj["id"]] = blob

    used_codes: set[str] = set()
    statuses: dict[str, int] = {}
    la_located: dict[str, int] = {la: 0 for la in LAS}
    waits: list[int] = []
    ages_days: list[int] = []
    for s in services:
        n = s["name"]
        own(s["id"], "service")
        for f in ("id", "name", "description", "status", "assured_date", "last_modified", "organization", "organization_id",
                  "attributes", "contacts", "service_areas", "languages"):
            if f not in s or s[f] in (None, ""):
                err(f"{n}: missing {f}")
        if s["organization_id"] != s["organization"]["id"]:
            err(f"{n}: organization_id mismatch")
        share(s["organization"], "organization")
        statuses[s["status"]] = statuses.get(s["status"], 0) + 1
        if not DATE_RE.match(s["assured_date"]):
            err(f"{n}: bad assured_date")
        age_days = (TODAY - dt.date.fromisoformat(s["assured_date"])).days
        ages_days.append(age_days)
        if not re.match(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$", s["last_modified"]):
            err(f"{n}: bad last_modified")
        slug_real = any(s["id"] == U("service:" + r) for r in REAL_SLUGS)
        if not slug_real:
            if s.get("minimum_age", 0) < 18:
                err(f"{n}: fictional services are for adults (minimum_age >= 18)")
            if not s["url"].startswith("https://example.org/") or not s["email"].endswith("@example.org"):
                err(f"{n}: fictional url/email must use example.org")
        text = json.dumps(s, ensure_ascii=False).lower()
        for w in BANNED_WORDS:
            if w in text:
                err(f"{n}: contains '{w}'")

        codes = []
        for a in s["attributes"]:
            own(a["id"], "attribute")
            t = a["taxonomy_term"]
            code = t.get("code")
            if code not in VOCAB:
                err(f"{n}: unknown code {code}")
                continue
            if t["id"] != U(code) or a["taxonomy_term_id"] != t["id"]:
                err(f"{n}: term id for {code} is not uuid5(NS, code)")
            if t["taxonomy"] != "waymark" or t["taxonomy_id"] != TAXONOMY_ID:
                err(f"{n}: {code} not in the waymark taxonomy")
            if a["link_id"] != s["id"] or a["link_type"] != "service":
                err(f"{n}: attribute {code} not linked to its service")
            share(t, "taxonomy_term")
            if code.startswith("expect:"):
                v = a.get("value")
                if not isinstance(v, str):
                    err(f"{n}: {code} value must be a string")
                elif code in ("expect:session-minutes", "expect:typical-wait-days") and not v.isdigit():
                    err(f"{n}: {code} must be an integer string")
                elif code == "expect:sessions" and not (v.isdigit() or v == "ongoing"):
                    err(f"{n}: expect:sessions must be an integer or 'ongoing'")
                elif code == "expect:frequency" and v not in ("weekly", "fortnightly", "monthly", "once", "as-needed"):
                    err(f"{n}: bad expect:frequency {v}")
                if code == "expect:typical-wait-days" and v.isdigit():
                    waits.append(int(v))
            elif "value" in a:
                err(f"{n}: {code} must not carry a value")
            codes.append(code)
        if len(codes) != len(set(codes)):
            err(f"{n}: repeated attribute codes")
        used_codes |= set(codes)
        for fam in ("delivery", "format", "delivered-by", "access", "support", "sector"):
            if not any(c.startswith(fam + ":") for c in codes):
                err(f"{n}: no {fam} code")
        pairs = {"eligibility:women-only": "audience:women", "eligibility:men-only": "audience:men",
                 "eligibility:students-only": "audience:students", "eligibility:employees-only": "audience:employees"}
        for e, aud in pairs.items():
            if e in codes and aud not in codes:
                err(f"{n}: {e} without {aud}")
        only_own = f"only for students of {s['organization']['name']}" in s["description"] or f"only for people who work for {s['organization']['name']}" in s["description"]
        if ("eligibility:members-only" in codes) != only_own:
            err(f"{n}: eligibility:members-only should go with a description saying it is only for the organisation's own people")
        if ("audience:young-adults" in codes) != (s.get("maximum_age") == 25):
            if s.get("maximum_age") == 25 or "audience:young-adults" in codes:
                err(f"{n}: young adults audience and maximum_age 25 should go together")
        if "audience:older-adults" in codes and s.get("minimum_age") != 55:
            err(f"{n}: older adults audience without minimum_age 55")
        if "cost_options" in s:
            if not any(c["amount"] > 0 for c in s["cost_options"]):
                err(f"{n}: cost_options without a charge")

        in_person = "delivery:in-person" in codes
        if in_person and not s["service_at_locations"]:
            err(f"{n}: in-person but no location")
        if s["service_at_locations"] and not in_person:
            err(f"{n}: has a location but is not in-person")
        for sal in s["service_at_locations"]:
            own(sal["id"], "service_at_location")
            loc = sal["location"]
            if sal["service_id"] != s["id"] or sal["location_id"] != loc["id"]:
                err(f"{n}: service_at_location links wrong")
            share(loc, "location")
            if loc["location_type"] != "physical":
                err(f"{n}: location not physical")
            lat, lon = loc["latitude"], loc["longitude"]
            if not (53.3 <= lat <= 54.6 and -2.6 <= lon <= 0.2):
                err(f"{n}: {loc['name']} at {lat},{lon} is outside Yorkshire and the Humber")
            for ad in loc["addresses"]:
                if ad["location_id"] != loc["id"] or ad["country"] != "GB" or ad["address_type"] != "physical":
                    err(f"{n}: address fields wrong")
                m = POSTCODE_RE.match(ad["postal_code"])
                if not m or m.group(1) not in OUTCODES.get(ad["city"], set()):
                    err(f"{n}: postcode {ad['postal_code']} is not in {ad['city']}")
                if ad["state_province"] not in LAS or CITY_LA.get(ad["city"]) != ad["state_province"]:
                    err(f"{n}: state_province {ad['state_province']} wrong for {ad['city']}")
                dist = km((lat, lon), CENTRES[ad["city"]])
                if dist > 3.5:
                    err(f"{n}: {loc['name']} is {dist:.1f} km from {ad['city']} centre")
            for acc in loc.get("accessibility", []):
                if acc["location_id"] != loc["id"]:
                    err(f"{n}: accessibility link wrong")
            for sch in sal.get("schedules", []):
                own(sch["id"], "schedule")
                if sch.get("service_at_location_id") != sal["id"]:
                    err(f"{n}: at-location schedule link wrong")
        located = {sal["location"]["addresses"][0]["state_province"] for sal in s["service_at_locations"]}
        for la in located:
            la_located[la] += 1
        for sch in s["schedules"] + [x for sal in s["service_at_locations"] for x in sal.get("schedules", [])]:
            if sch in s["schedules"]:
                own(sch["id"], "schedule")
                if sch["service_id"] != s["id"]:
                    err(f"{n}: schedule link wrong")
            if sch["freq"] != "WEEKLY" or not TIME_RE.match(sch["opens_at"]) or not TIME_RE.match(sch["closes_at"]):
                err(f"{n}: bad schedule times")
            days = sch["byday"].split(",")
            if any(d not in DAY_ORDER for d in days) or len(days) != len(set(days)):
                err(f"{n}: bad byday {sch['byday']}")
            for k in ("valid_from", "valid_to"):
                if k in sch and not DATE_RE.match(sch[k]):
                    err(f"{n}: bad {k}")
            if "valid_from" in sch and "valid_to" in sch and sch["valid_from"] > sch["valid_to"]:
                err(f"{n}: valid_from after valid_to")
            if not sch.get("description"):
                err(f"{n}: schedule without description")
        for lang in s["languages"]:
            own(lang["id"], "language")
            if lang["code"] not in LANGUAGES or LANGUAGES[lang["code"]] != lang["name"]:
                err(f"{n}: bad language {lang}")
        for c in s.get("cost_options", []):
            own(c["id"], "cost_option")
        for c in s["contacts"]:
            own(c["id"], "contact")
            for p in c["phones"]:
                own(p["id"], "phone")
                if p["contact_id"] != c["id"]:
                    err(f"{n}: phone link wrong")
                if slug_real:
                    if p["number"] not in REAL_NUMBERS:
                        err(f"{n}: unexpected real number {p['number']}")
                elif not p["number"].startswith(DRAMA_PREFIXES):
                    err(f"{n}: {p['number']} is not an Ofcom drama number")
        for a in s["service_areas"]:
            own(a["id"], "service_area")
            if a["service_area"] not in LAS + ["England"]:
                err(f"{n}: bad service area {a['service_area']}")

    missing = [c for c in VOCAB if c not in used_codes]
    if missing:
        err("vocabulary codes never used: " + ", ".join(missing))
    for la, count in la_located.items():
        if count < 3:
            err(f"{la}: only {count} services with a location there")
    for st in ("active", "inactive", "temporarily closed", "defunct"):
        if st not in statuses:
            err(f"no service with status {st}")
    over6 = sum(1 for a in ages_days if a > 183)
    over12 = sum(1 for a in ages_days if a > 365)
    if not (3 <= over6) or not (1 <= over12 <= 2) or max(ages_days) > 14 * 31:
        err(f"assured dates: {over6} older than 6 months, {over12} older than 12 months, oldest {max(ages_days)} days")
    if min(waits) != 0 or max(waits) < 100:
        err(f"typical waits should run from 0 to over 100 days (got {min(waits)}..{max(waits)})")

    # Schedules required by the brief
    scheds = [x for s in services for x in s["schedules"] + [y for sal in s["service_at_locations"] for y in sal.get("schedules", [])]]
    if not any(x["opens_at"] == "00:00" and x["closes_at"] == "23:59" and len(x["byday"].split(",")) == 7 for x in scheds):
        err("no 24-hour schedule")
    if not any(x["closes_at"] < x["opens_at"] and x["closes_at"] != "00:00" for x in scheds):
        err("no opening past midnight")
    if not any("valid_from" in x or "valid_to" in x for x in scheds):
        err("no bounded schedule")
    if not any(not s["schedules"] and not any(sal.get("schedules") for sal in s["service_at_locations"]) for s in services):
        err("no service without a schedule")
    if not any(len(s["service_at_locations"]) > 1 for s in services):
        err("no service at several locations")

    # JSON Schema (ORUK 3.0 UK validator schema), when the jsonschema package is available
    try:
        import jsonschema  # type: ignore
    except ImportError:
        print("note: jsonschema not installed; skipped the ORUK schema check", file=sys.stderr)
    else:
        if SCHEMA.exists():
            schema = json.loads(SCHEMA.read_text())
            cls = jsonschema.validators.validator_for(schema)
            v = cls(schema, format_checker=cls.FORMAT_CHECKER)
            for s in services:
                for e in v.iter_errors(s):
                    err(f"{s['name']}: schema: {'/'.join(map(str, e.absolute_path))}: {e.message}")
        else:
            print(f"note: {SCHEMA} not found; skipped the ORUK schema check", file=sys.stderr)
    return errs


# --------------------------------------------------------------------------------------------------
# Summary (for the README)
# --------------------------------------------------------------------------------------------------
def summary(services: list[dict]) -> str:
    rows = []
    for la in LAS:
        located = [s for s in services if any(sal["location"]["addresses"][0]["state_province"] == la for sal in s["service_at_locations"])]
        areas = [s for s in services if any(a["service_area"] == la for a in s["service_areas"])]
        remote_here = [s for s in areas if not s["service_at_locations"]]
        orgs = {s["organization"]["id"] for s in located}
        rows.append(f"| {la} | {len(located)} | {len(orgs)} | {len(remote_here)} | {len(areas)} |")
    national = [s for s in services if any(a["service_area"] == "England" for a in s["service_areas"])]
    total_orgs = len({s["organization"]["id"] for s in services})
    head = ("| Local authority | Services with a venue here | Organisations with a venue here | "
            "Phone, text or online services covering it | All services listing it as their area |\n"
            "|---|---:|---:|---:|---:|")
    foot = (f"\nPlus {len(national)} real national crisis services (service area: England). "
            f"Total: {len(services)} services from {total_orgs} organisations.")
    return head + "\n" + "\n".join(rows) + "\n" + foot


README = HERE / "README.md"


def readme(services: list[dict]) -> str:
    real_lines = "\n".join([
        "- Samaritans: call 116 123 (free) or email jo@samaritans.org, 24 hours, every day",
        "- Shout: text SHOUT to 85258, 24 hours, every day",
        "- PAPYRUS HOPELINE247 (under 35s, so `maximum_age` 34): call 0800 068 4141, 24 hours, every day",
        "- CALM (Campaign Against Living Miserably): call 0800 58 58 58, 5pm to midnight, every day",
        "- NHS 111 (NHS England): call 111 and choose the mental health option, 24 hours",
    ])
    members = sum(1 for s in services if any(a["taxonomy_term"]["code"] == "eligibility:members-only" for a in s["attributes"]))
    return f"""# Sample directory: Yorkshire and the Humber

`yorkshire-and-humber.json` is the sample directory that ships with Waymark: a JSON array of full
Open Referral UK 3.0 services, with Waymark's facts carried as attributes in the `waymark` taxonomy
(see `docs/contracts/matching.md` §1). The web app seeds it on first run when `WAYMARK_SAMPLE_DATA=yorkshire-and-humber`.

**The services are fictional.** The organisations, people, addresses, postcodes, phone numbers, times and
waiting lists are made up (addresses use real postcode districts with invented endings; phone numbers are
Ofcom's numbers reserved for drama; web and email addresses use `example.org`). Any page that shows them
must say so ("Sample data — these services are not real").

**The only real entries** are the five national crisis contacts, as listed in `docs/safety/policy.md` §2
(read from the organisations' own pages, last verified 20 November 2026 as in `data/crisis-contacts.json`;
check them with each organisation before a live launch). Their `url` is the page each was read from:

{real_lines}

## Regenerate and check

```sh
python3 data/sample/build_sample.py           # writes yorkshire-and-humber.json and this README, then checks them
python3 data/sample/build_sample.py --check   # checks the committed files without rewriting them
```

The script is deterministic and needs only the Python 3 standard library. Every id is
`uuid5(5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001, key)`; taxonomy term ids are `uuid5(that namespace, code)`.
The check asserts the counts, unique ids, that every vocabulary code is used, term ids, required fields,
coordinates inside the region and near each town centre, postcodes in the right district, schedule
formats, Ofcom drama numbers for fictional services and safe wording. If the `jsonschema` package is
installed it also validates every service against the ORUK 3.0 validator schema for a service
(`standards/oruk-3.0/validator-schemas/service.json` in this repository; set `WAYMARK_ORUK_SCHEMA` to use
another copy).

## What is in it

{summary(services)}

Honest gaps, as in the study (Hulin et al. 2024): rural North Yorkshire has very little in person — one
monthly group in Ryedale (Malton), one GP-practice clinic for Richmondshire and the Dales, Hambleton only
through Northallerton, plus a Dales outreach worker with a long wait — and the rural East Riding has only
a monthly outreach in Driffield and a home-support service. People there mostly rely on phone, text and
online services.

Also included, to exercise search and filtering: evening, weekend and term-time groups; 24-hour lines;
openings that run past midnight (Friday and Saturday 8pm to 2am crisis café, a 10pm to 2am night line);
bank-holiday closures; schedules with `valid_from`/`valid_to` (including one season that has ended and
one course that has not started); services with no schedule ("contact for times"); services at several
locations with their own times at each; paid services; age limits (18 to 25, 55 and over, under 35);
women-only, men-only, student-only and staff-only services (the {members} that universities, colleges
and employers run for their own students or staff are `eligibility:members-only`: a search sees them only
when it names the organisation in `member_of`); services limited to some local authorities (most of them),
which a search sees only from a place in one of them; 13 languages; one `inactive`, one
`temporarily closed` and one `defunct` service; and fictional listings last checked between 2 and 14 months ago.
"""


def main(argv: list[str]) -> int:
    if "--check" in argv:
        services = json.loads(OUT.read_text(encoding="utf-8"))
        if json.dumps(services, indent=2, ensure_ascii=False) + "\n" != json.dumps(build(), indent=2, ensure_ascii=False) + "\n":
            print("error: yorkshire-and-humber.json is out of date; run build_sample.py", file=sys.stderr)
            return 1
        if not README.exists() or README.read_text(encoding="utf-8") != readme(services):
            print("error: README.md is out of date; run build_sample.py", file=sys.stderr)
            return 1
    else:
        services = build()
        OUT.write_text(json.dumps(services, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        README.write_text(readme(services), encoding="utf-8")
    errs = check(services)
    for e in errs:
        print("error:", e, file=sys.stderr)
    if "--summary" in argv or not errs:
        print(summary(services))
    if errs:
        print(f"{len(errs)} problem(s) found", file=sys.stderr)
        return 1
    print(f"ok: {len(services)} services, {len({s['organization']['id'] for s in services})} organisations", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
