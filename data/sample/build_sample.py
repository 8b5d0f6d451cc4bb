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
import re
import sys
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "yorkshire-and-humber.json"
SCHEMA = Path("/work/shared/standards/oruk-3.0/validator-schemas/service.json")

# The Waymark taxonomy (CONTRACTS.md §1). Term ids are uuid5(NS, code); the importer relies on it.
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
FAMILIES = ["delivery", "format", "delivered-by", "access", "support", "audience", "eligibility",
            "access-needs", "setting", "sector", "expect", "schedule"]
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
    "lds-harehills": ("Harehills Open Door Centre", "201 Harehills Lane", "Leeds", "LS8 5HS", 53.8100, -1.5150, "WL", ""),
    "lds-gp-beeston": ("Beeston Hill Health Centre", "60 Cemetery Road", "Leeds", "LS11 8SU", 53.7780, -1.5555, "WL", ""),
    "lds-gp-harehills": ("Roundhay Road Surgery", "310 Roundhay Road", "Leeds", "LS8 5PF", 53.8125, -1.5190, "WL", ""),
    "lds-lgi": ("Aire and Wharfe General Hospital, Ward 40 Clinic", "Great George Street", "Leeds", "LS1 3EX", 53.8020, -1.5520, "WLQ", ""),
    "lds-skills": ("Park Square Therapy Centre", "7 Park Square East", "Leeds", "LS1 2NE", 53.7995, -1.5520, "WLQ", ""),
    "lds-uni": ("Aire Valley University Wellbeing Centre", "Woodhouse Lane", "Leeds", "LS2 9JT", 53.8070, -1.5530, "WLQ", ""),
    "lds-prism": ("Prism Peer Space", "3 Lower Briggate", "Leeds", "LS1 6ER", 53.7950, -1.5425, "WL", ""),
    "lds-civic": ("Merrion Community Hub", "18 Merrion Way", "Leeds", "LS2 8BT", 53.8015, -1.5430, "WLQ", ""),
    "lds-armley": ("Armley Workbench", "Unit 4, Town Street Yard", "Leeds", "LS12 3HL", 53.7980, -1.5850, "W", "Workshop with a separate quiet kitchen."),
    "lds-beeston": ("Cross Flatts Park Pavilion", "Harlech Road", "Leeds", "LS11 7DN", 53.7770, -1.5580, "W", ""),
    "lds-hydepark": ("Hyde Park Counselling Rooms", "27 Brudenell Road", "Leeds", "LS6 1EG", 53.8115, -1.5660, "Q", "Rooms are up one flight of stairs. Ask for a ground-floor room."),
    "lds-headrow": ("Headrow Arts Rooms", "52 The Headrow", "Leeds", "LS1 8TL", 53.8000, -1.5460, "WL", ""),
    "lds-hunslet": ("Aire Logistics Hunslet Depot", "Hunslet Trading Estate", "Leeds", "LS10 1QR", 53.7825, -1.5300, "W", "Staff entrance only."),
    "otley": ("Otley Methodist Hall", "Boroughgate", "Otley", "LS21 3AL", 53.9050, -1.6935, "WL", ""),
    # Bradford
    "brd-manningham": ("Saathi House", "90 Lumb Lane", "Bradford", "BD8 7RS", 53.8050, -1.7675, "WLQ", ""),
    "brd-barkerend": ("Razem Community Hub", "41 Barkerend Road", "Bradford", "BD3 9AW", 53.7990, -1.7385, "W", ""),
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
    "barnsley-sunrise": ("Sunrise Centre", "3 Eldon Street", "Barnsley", "S70 2JL", 53.5525, -1.4780, "WLQ", ""),
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
    "hull-kaleidoscope": ("Kaleidoscope Rooms", "8 George Street", "Hull", "HU2 8LU", 53.7460, -0.3370, "WL", ""),
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
    "harehills": ("Harehills Open Door", "sector:vcse", "A drop-in centre in Harehills, Leeds, welcoming people from many communities, with workers who speak several languages."),
    "airewharfe": ("Aire and Wharfe Care NHS Trust", "sector:nhs", "The NHS trust providing mental health services in Leeds and Bradford."),
    "airevalleyuni": ("Aire Valley University", "sector:education", "A university in Leeds with a student wellbeing service."),
    "prism": ("Prism Peer Space", "sector:vcse", "An LGBTQ+ peer support group based in Leeds, with online groups for people across Yorkshire and the Humber."),
    "leedsconnect": ("Leeds Community Wellbeing Connect", "sector:local-authority", "The council's wellbeing navigation and befriending team in Leeds."),
    "armleybench": ("Armley Workbench", "sector:vcse", "A community workshop in Armley, Leeds, where men meet to make things and talk."),
    "beestonbrew": ("Beeston Forces Brew Club", "sector:vcse", "A social and peer support club for armed forces veterans in south Leeds."),
    "hydepark": ("Hyde Park Counselling Co-operative", "sector:vcse", "A not-for-profit counselling co-operative in Leeds with fees based on what you can afford."),
    "headrow": ("Headrow Creative Recovery", "sector:vcse", "A Leeds arts project for people living with mental health problems."),
    "airelogistics": ("Aire Logistics Group", "sector:employer", "A Leeds-based haulage and warehousing company."),
    # Bradford
    "saathi": ("Manningham Saathi Circle", "sector:vcse", "A Bradford community organisation supporting South Asian families with mental health, in English, Urdu, Punjabi and Bengali."),
    "keighleylisten": ("Worth Valley Listening Service", "sector:vcse", "A volunteer listening service based in Keighley, covering the Bradford district."),
    "shipleymill": ("Shipley Millside Peers", "sector:vcse", "A small peer group in Shipley for adults who self-harm."),
    "razem": ("Razem Community Hub Bradford", "sector:vcse", "A Bradford community hub for Polish and other Central and Eastern European people."),
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
    "sunrise": ("Barnsley Sunrise Project", "sector:vcse", "A Barnsley wellbeing charity with a drop-in and work support."),
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
    "kaleidoscope": ("Kaleidoscope LGBTQ+ Group Hull", "sector:vcse", "A peer group for LGBTQ+ adults in Hull."),
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
    "silverthreads": ("Acomb Silver Threads", "sector:vcse", "A York charity for people aged 55 and over."),
    "fossbridge": ("Foss Bridge Insurance Ltd", "sector:employer", "An insurance company with offices in York."),
    # Region-wide (remote)
    "whiterosetext": ("White Rose Textline", "sector:vcse", "A volunteer text support service for Yorkshire and the Humber."),
    "hearthstone": ("Hearthstone Online Peer Space CIC", "sector:vcse", "A social enterprise running moderated online peer support for adults who self-harm in Yorkshire and the Humber."),
    "signinghands": ("Signing Hands Wellbeing Yorkshire", "sector:vcse", "A Deaf-led charity offering mental health support in British Sign Language."),
    "squarepeg": ("Square Peg Autistic Adults Yorkshire", "sector:vcse", "An autistic-led charity supporting autistic and other neurodivergent adults."),
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
        text=["Free one-to-one counselling for students. You can meet in person on campus or by video call."],
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
        text=["Free, confidential counselling for staff and their line managers. Call any time to talk to a counsellor, "
              "and you can be offered up to six sessions by phone or video."]),
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
    if svc["la"] in ("Sheffield", "Rotherham", "Barnsley"):
        return "0114 496 0" if svc["la"] == "Sheffield" else "01632 960"
    return "01632 960"


# --------------------------------------------------------------------------------------------------
# The service list is authored with S(...). Each call records one service; build() turns it into ORUK.
# --------------------------------------------------------------------------------------------------
SERVICES: list[dict] = []


def S(org: str, slug: str, name: str, kind: str, la: str, **kw) -> None:
    SERVICES.append(dict(org=org, slug=slug, name=name, kind=kind, la=la, **kw))
