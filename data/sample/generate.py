#!/usr/bin/env python3
"""Generate the bundled sample conference, "Beacon Summit New York 2027".

The conference, its vendor (Lanternwell), the sponsors, customers, venues, speakers and attendees are all
invented; any resemblance to real companies or people is accidental. The content below is written by hand.
This script lays it out on the two days, derives ids, renders the abstracts and checks the result.

    python3 data/sample/generate.py           # rewrite conference.json, seats.json and badges.json
    python3 data/sample/generate.py --check   # fail if the files on disk differ from what this script makes

Standard library only. The output is deterministic: the only random generator has a fixed seed.
"""

import argparse
import datetime
import html
import json
import random
import re
import sys
import textwrap
import unicodedata
import uuid
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent

CONFERENCE_ID = "beacon-ny-2027"
CONFERENCE_URL = "https://summit.example.com/ny2027/"
GUID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, CONFERENCE_URL)

# May in New York is daylight-saving time, so every time in the feed carries -04:00.
OFFSET = datetime.timezone(datetime.timedelta(hours=-4))
WORKSHOP_DAY = datetime.date(2027, 5, 11)
MAIN_DAY = datetime.date(2027, 5, 12)
DAYS = (WORKSHOP_DAY, MAIN_DAY)
DAY_START = "07:00"
DAY_END = "26:00"  # 02:00 the next morning: the customer night runs past midnight.

CONFERENCE = {
    "id": CONFERENCE_ID,
    "title": "Beacon Summit New York 2027",
    "subtitle": "The Lanternwell user conference for observability, reliability and security",
    "timeZone": "America/New_York",
    "version": "2027.1",
    "url": CONFERENCE_URL,
}

VENUE_NAME = "Westbank Convention Center"
VENUE_ADDRESS = "1100 Eleventh Avenue, New York, NY 10019"

# ---------------------------------------------------------------------------------------------------------------
# Venue
# ---------------------------------------------------------------------------------------------------------------

EXPO = "Floor 3 · Expo Hall"
F4 = "Floor 4"
F5 = "Floor 5"
TOWN = "Around town"

FLOORS = [(EXPO, 3), (F4, 4), (F5, 5), (TOWN, 100)]

LAB_NOTE = "Hands-on lab: power at every seat and wired network. Bring a laptop."


@dataclass
class Room:
    name: str
    floor: str
    capacity: int
    description: str = None
    address: str = None


ROOMS = [
    Room("Expo Hall", EXPO, 4000,
         "Sponsor booths, the Beacon Bar help desk, breakfast, lunch and the welcome reception."),
    Room("Expo Theater A", EXPO, 60,
         "Open stage at the north end of the Expo Hall. Talks are not seat-limited: "
         "if the benches are full, stand at the back."),
    Room("Expo Theater B", EXPO, 60,
         "Open stage at the south end of the Expo Hall, next to the coffee bar. Talks are not seat-limited."),
    Room("Main Hall", F4, 3000, "Keynotes. Doors open 30 minutes before each keynote."),
    Room("Room 401", F4, 400),
    Room("Room 402", F4, 350),
    Room("Room 403", F4, 300),
    Room("Room 404", F4, 250),
    Room("Harbor Room", F4, 120, "Partner Summit, the APAC lunch and other hosted meals."),
    Room("Lab 410", F4, 60, LAB_NOTE),
    Room("Lab 411", F4, 50, LAB_NOTE),
    Room("Lab 412", F4, 40, LAB_NOTE),
    Room("Room 501", F5, 400),
    Room("Room 502", F5, 350),
    Room("Room 503", F5, 300),
    Room("Room 504", F5, 250),
    Room("Lab 510", F5, 60, LAB_NOTE),
    Room("Lab 511", F5, 45, LAB_NOTE),
    Room("Lab 512", F5, 30, LAB_NOTE),
    Room("Certification Center", F5, 40,
         "Proctored exams. Bring a government-issued photo ID; doors close at the start time."),
    Room("Community Lounge", F5, 80, "Meetups, office hours and community sessions. Couches, not rows."),
    Room("Lanternwell HQ · Sky Lounge", TOWN, 1200,
         "Lanternwell's headquarters, 24th floor. Shuttles leave the convention center's 11th Avenue "
         "entrance every 15 minutes from 18:30.",
         "88 Varick Street, 24th Floor, New York, NY 10013"),
    Room("Copperline Rooftop", TOWN, 300,
         "Rooftop bar, a 15-minute walk south from the convention center. Heaters if it's chilly.",
         "515 West 27th Street, Rooftop, New York, NY 10001"),
    Room("Riverbend Park · North Lawn", TOWN, None,
         "Meet at the north gate. Bag drop and water from 06:30.",
         "West 59th Street & Twelfth Avenue, New York, NY 10019"),
]

# Track name and colour; the id is derived from the name like rooms and floors.
TRACKS = [
    ("Keynotes", "#37474f"),
    ("Observability", "#1e88e5"),
    ("Cloud & Kubernetes", "#43a047"),
    ("Security", "#e53935"),
    ("AI & Data", "#8e24aa"),
    ("Developer Experience", "#fb8c00"),
    ("SRE & Incident Response", "#d81b60"),
    ("Customer Stories", "#00897b"),
    ("Platform Engineering", "#3949ab"),
    ("Training & Certification", "#6d4c41"),
    ("Expo Theater", "#f9a825"),
    ("Community & Partners", "#00acc1"),
]

# ---------------------------------------------------------------------------------------------------------------
# Speakers: (name, company, bio). The id is the romanized name as a lowercase-dash key ("김서연 (Seo-yeon Kim)" is
# "seo-yeon-kim"). Avatars are left out on purpose: the sample must not point at remote images.
# ---------------------------------------------------------------------------------------------------------------

LANTERNWELL = "Lanternwell"

SPEAKERS = [
    # The vendor
    ("Adaeze Okafor", LANTERNWELL,
     "Adaeze is co-founder and CEO of Lanternwell. Before starting the company in a Brooklyn loft in 2015 she "
     "ran infrastructure for a payments processor, where she was paged often enough to want something better."),
    ("Tobias Lindqvist", LANTERNWELL,
     "Tobias is Lanternwell's CTO and wrote the first version of the Beacon query engine. He moved from Uppsala "
     "to New York for a two-year assignment eleven years ago and never left."),
    ("Renata Villalobos", LANTERNWELL,
     "Renata is Lanternwell's Chief Product Officer. She built developer tools in Mexico City and Madrid before "
     "joining, and keeps a list of every feature she has promised a customer so she can cross them off in person."),
    ("박지훈 (Ji-hoon Park)", LANTERNWELL,
     "Ji-hoon is Field CTO for Asia-Pacific, based in Seoul. He spent ten years running online game "
     "infrastructure before moving to the vendor side, and still keeps a pager for his home lab."),
    ("Priya Raghunathan", LANTERNWELL,
     "Priya leads Developer Relations and the Beacon Marketplace. She started her career as a network engineer "
     "in Chennai and has given talks on four continents, most of them about things she broke first."),
    ("Marcus Webb", LANTERNWELL,
     "Marcus is a Principal Solutions Engineer who has helped more than a hundred teams roll out tracing. "
     "On weekends he coaches a youth robotics team in Queens."),
    ("Hana Kobayashi", LANTERNWELL,
     "Hana is a Senior Solutions Engineer who moved from Lanternwell's Tokyo office to New York last year. "
     "She specializes in OpenTelemetry migrations and writes the team's internal lab guides."),
    ("Diego Ferreira", LANTERNWELL,
     "Diego is a Staff Engineer on the Beacon Agent, responsible for its eBPF profiler. He lives in Porto Alegre, "
     "contributes to several open-source tracing libraries and bakes a passable sourdough."),
    ("Sofia Marchetti", LANTERNWELL,
     "Sofia is Group Product Manager for Beacon Logs. Before Lanternwell she ran a log analytics team at a "
     "European telecom, which is where she learned that every byte has an owner who will not delete it."),
    ("Yusuf Demir", LANTERNWELL,
     "Yusuf is the Product Manager for Beacon Sentinel, Lanternwell's security monitoring product. He was a SOC "
     "analyst in Istanbul and Berlin for seven years and still does incident-response shifts twice a quarter."),
    ("Ananya Iyer", LANTERNWELL,
     "Ananya manages the engineering team behind Beacon Navigator. She holds a PhD in information retrieval "
     "and cares a lot about making AI assistants say \"I don't know\" when they don't."),
    ("Claire Dubois", LANTERNWELL,
     "Claire runs the Beacon certification program. A former teacher from Montréal, she designs exams that "
     "test what people can do rather than what they can memorize."),
    ("Kwame Mensah", LANTERNWELL,
     "Kwame is a Developer Advocate focused on front-end and developer tooling. He grew up in Accra, "
     "studied in Toronto and has a soft spot for tiny, well-named functions."),
    ("Lucía Romero", LANTERNWELL,
     "Lucía is a Developer Advocate for Latin America, based in Buenos Aires. She organizes the regional Beacon "
     "user groups and hosts a Spanish-language podcast about running software in production."),
    ("Ethan Brooks", LANTERNWELL,
     "Ethan is a Senior Solutions Architect working with platform engineering teams. He previously built an "
     "internal developer platform for a logistics company and has opinions about YAML."),
    ("Nadia Haddad", LANTERNWELL,
     "Nadia is a Technical Trainer and wrote most of Lanternwell's SLO curriculum. She has taught reliability "
     "workshops in English, French and Arabic."),
    ("Oliver Grant", LANTERNWELL,
     "Oliver is a Staff SRE who keeps Beacon itself running. He has been on call for Lanternwell's ingest "
     "pipeline since it handled a few thousand events per second."),
    ("Wei Zhang", LANTERNWELL,
     "Wei is a Principal Engineer on Beacon's storage and query layer. He designed the columnar format behind "
     "Beacon metrics and enjoys explaining compression schemes with board-game pieces."),
    ("Kenta Sato", LANTERNWELL,
     "Kenta is a Solutions Architect for Japan, based in Osaka. He helps railway, manufacturing and retail "
     "customers bring Beacon into environments that change very carefully."),
    ("이수진 (Su-jin Lee)", LANTERNWELL,
     "Su-jin is a Solutions Architect in Seoul who works with Korean fintech and gaming customers. "
     "She co-organizes the Beacon Korea user group."),
    ("Maya Goldberg", LANTERNWELL,
     "Maya is Principal Product Designer for Beacon's alerting and dashboards. She interviews on-call engineers "
     "for a living and has a collection of screenshots of the worst alerts ever written."),
    ("Rafael Quintero", LANTERNWELL,
     "Rafael is a security researcher on the Beacon Sentinel team. He spent his early career in penetration "
     "testing in Bogotá and now writes detections for the attacks he used to run."),
    ("Jordan Reyes", LANTERNWELL,
     "Jordan leads incident-response coaching in Lanternwell's customer success team. They have run more "
     "than three hundred game days and still enjoy the chaos."),
    ("Beatriz Souza", LANTERNWELL,
     "Beatriz is a Solutions Engineer in São Paulo who works with retail and insurance customers. "
     "She came to observability from business intelligence and likes dashboards that fit on one screen."),
    ("Isabel Moreno", LANTERNWELL,
     "Isabel is Lanternwell's VP of Partnerships. She has spent fifteen years building partner programs in "
     "Madrid, Miami and New York."),
    ("Farah Siddiqui", LANTERNWELL,
     "Farah is a Sales Engineer on the New York team and demos Beacon Navigator to anyone who stands still "
     "long enough. She studied computer science in Lahore and New Jersey."),
    ("Liam O'Connor", LANTERNWELL,
     "Liam is a Sales Engineer in Lanternwell's Dublin office. He used to run databases for a ticketing company "
     "and still checks replication lag before his morning coffee."),
    ("Jing Chen", LANTERNWELL,
     "Jing is the Product Specialist for the Beacon Query Language. She has answered about eight thousand BQL "
     "questions in the community forum and collects the cleverest queries for the docs."),
    ("Mariana Costa", LANTERNWELL,
     "Mariana is the Product Specialist for Beacon Synthetics and Beacon Pulse. Before Lanternwell she was a "
     "QA engineer in Lisbon and never fully stopped testing everything."),
    ("Kenji Ito", LANTERNWELL,
     "Kenji is a Solutions Engineer focused on Kubernetes. He maintains Lanternwell's Helm charts and once "
     "debugged a DNS issue on a train between Nagoya and Tokyo."),
    # Guest keynote
    ("Celeste Amara", "Fenwick Institute for Resilience Engineering",
     "Dr. Celeste Amara studies how organizations learn from failure. Her book \"The Quiet Pager\" collects "
     "ten years of interviews with on-call engineers, and her research group has analyzed more than ten "
     "thousand incident reports."),
    # Customers
    ("김서연 (Seo-yeon Kim)", "Dasol Pay",
     "Seo-yeon is Head of Platform Engineering at Dasol Pay, a Seoul-based mobile payments company. Her team "
     "runs the checkout platform that handles holiday peaks of forty thousand payments per second."),
    ("정민호 (Min-ho Jung)", "Byeolbit Games",
     "Min-ho is Lead SRE at Byeolbit Games in Pangyo. He looks after the servers of three mobile games and "
     "has launched each of them at two in the morning."),
    ("최유나 (Yu-na Choi)", "Nuriline Logistics",
     "Yu-na is a Cloud Architect at Nuriline Logistics in Busan, where she moved the port-operations platform "
     "to Kubernetes. She speaks regularly at Korean cloud-native meetups."),
    ("Haruto Tanaka", "Tsubame Rail Systems",
     "Haruto manages the SRE team at Tsubame Rail Systems, which builds signalling and ticketing software for "
     "regional railways. He believes a good alert is one you'd be glad to be woken up for."),
    ("Hiroshi Yamamoto", "Tsubame Rail Systems",
     "Hiroshi is a Platform Architect at Tsubame Rail Systems. He spent fifteen years on safety-critical "
     "systems and brings the same rigor to observability budgets."),
    ("Yuki Nakamura", "Kumo Mobility",
     "Yuki is a Principal Engineer at Kumo Mobility, a ride-hailing and delivery platform in Tokyo. She leads "
     "the team that runs several thousand Kubernetes clusters across three clouds."),
    ("Aiko Watanabe", "Kumo Mobility",
     "Aiko is an SRE at Kumo Mobility and the author of its internal on-call handbook. She gives lightning talks "
     "whenever she can find five minutes and a microphone."),
    ("Kaito Fujimoto", "Hoshizora Games",
     "Kaito leads mobile engineering at Hoshizora Games in Kyoto. His team ships a puzzle game played on more "
     "than twenty million devices."),
    ("Rohan Mehta", "Pravah Payments",
     "Rohan leads reliability engineering at Pravah Payments in Bengaluru. He introduced chaos experiments to "
     "a company that processes salaries, which required a lot of careful conversations."),
    ("Arjun Venkataraman", "Pravah Payments",
     "Arjun is an ML platform engineer at Pravah Payments, where he runs the models that flag fraudulent "
     "transactions. More recently he also took over the company's customer-support assistant."),
    ("Kavya Nair", "Saptaparni Health",
     "Kavya leads the data platform at Saptaparni Health, a hospital network in Hyderabad. She works on "
     "making clinical data pipelines both fast and auditable."),
    ("Nikhil Bhat", "Saptaparni Health",
     "Nikhil is a data engineer at Saptaparni Health. He has a habit of adding a freshness check to every "
     "table he touches."),
    ("Deepika Choudhary", "Greenleaf Grocers",
     "Deepika manages analytics engineering at Greenleaf Grocers, a supermarket chain with 600 stores across "
     "the Midwest. Her team owns the data behind every price tag."),
    ("Siddharth Rao", "Greenleaf Grocers",
     "Siddharth does capacity planning at Greenleaf Grocers. He can tell you how many extra servers a "
     "Thanksgiving weekend needs, and why the answer was wrong last year."),
    ("Olivia Park", "Greenleaf Grocers",
     "Olivia leads the developer platform team at Greenleaf Grocers. She previously built internal tools at "
     "a media company and is a regular mentor at New York coding bootcamps."),
    ("Mateo Álvarez", "Vía Austral Logística",
     "Mateo is Head of Infrastructure at Vía Austral Logística in Santiago de Chile. He led the company's move "
     "from a single data center to the cloud while trucks kept rolling."),
    ("Valentina Cruz", "Banco Altiplano",
     "Valentina is Head of SRE at Banco Altiplano, a digital bank in Bogotá. She has introduced error budgets "
     "to auditors, regulators and, hardest of all, product managers."),
    ("Alejandro Ruiz", "Banco Altiplano",
     "Alejandro is a reliability engineer at Banco Altiplano who owns the bank's SLO tooling. He previously "
     "worked on trading systems in Madrid."),
    ("Camila Santos", "Ipê Seguros",
     "Camila is an engineering manager at Ipê Seguros, an insurer in São Paulo. She led the team that retired "
     "four generations of homegrown monitoring scripts."),
    ("João Pereira", "Ipê Seguros",
     "João is a senior SRE at Ipê Seguros. He wrote many of the scripts Camila's team retired, and says he is "
     "at peace with that."),
    ("Santiago Herrera", "Nopal Telecom",
     "Santiago is a network reliability engineer at Nopal Telecom in Monterrey. He runs the Monterrey "
     "observability meetup and likes to compare network graphs to weather maps."),
    ("Carlos Mendoza", "Nopal Telecom",
     "Carlos leads the Kubernetes platform team at Nopal Telecom. His clusters run the billing systems for "
     "nine million subscribers."),
    ("Ingrid Halvorsen", "Nordlys Energi",
     "Ingrid is a FinOps lead at Nordlys Energi, a renewable energy company in Bergen. She turns cloud bills "
     "into graphs that engineers actually look at."),
    ("Lukas Brandt", "Brückenwerk Mobility",
     "Lukas is a platform engineer at Brückenwerk Mobility in Munich, which runs car-sharing fleets in twelve "
     "cities. He maintains the company's autoscaling controller."),
    ("Hannah Weber", "Brückenwerk Mobility",
     "Hannah is an SRE at Brückenwerk Mobility. Before moving into operations she was a physicist, and she "
     "still draws every problem as a control loop."),
    ("Élodie Marchand", "Lumière Assurances",
     "Élodie is Director of IT Operations at Lumière Assurances in Lyon. She is responsible for systems that "
     "range from a 1990s mainframe to serverless functions."),
    ("Jessica Moreau", "Lumière Assurances",
     "Jessica is an observability engineer at Lumière Assurances. She built the bridge that brings mainframe "
     "job telemetry into the same dashboards as the cloud services."),
    ("Pieter van Dijk", "Polderwerk Logistics",
     "Pieter is a network engineer turned SRE at Polderwerk Logistics in Rotterdam. He has debugged more "
     "Kubernetes networking than he ever wanted to."),
    ("Giulia Romano", "Banca del Tevere",
     "Giulia is a staff engineer at Banca del Tevere in Rome. She runs the bank's telemetry pipeline and "
     "contributes to open-source collector components."),
    ("Magdalena Kowalska", "Kestrel Air",
     "Magdalena is a security architect at Kestrel Air. She designed the airline's zero-trust network and "
     "insists that observability pipelines deserve the same protection as payment systems."),
    ("Fatima Al-Sayed", "Kestrel Air",
     "Fatima manages the operations engineering team at Kestrel Air. She introduced on-call health metrics "
     "after noticing that the same three people answered every page."),
    ("Omar Khalil", "Kestrel Air",
     "Omar is an SRE at Kestrel Air and a former flight dispatcher. He brings checklists to everything, "
     "including this talk."),
    ("Marta Nowak", "Kestrel Air",
     "Marta leads the flight-operations software team at Kestrel Air. Her systems decide which aircraft flies "
     "which route, 1,200 times a day."),
    ("Vikram Singh", "Kestrel Air",
     "Vikram is a principal engineer at Kestrel Air working on crew scheduling and disruption management. "
     "He joined the airline after a decade in telecom."),
    ("Aoife Byrne", "Harborview Bank",
     "Aoife is a security engineer at Harborview Bank, based in Dublin. She runs the bank's data-loss "
     "prevention program for logs and traces."),
    ("James Whitfield", "Harborview Bank",
     "James is Head of Observability at Harborview Bank in Boston. He led the bank's move from a patchwork "
     "of log tools to distributed tracing across 400 services."),
    ("Emily Tran", "Harborview Bank",
     "Emily is a staff engineer at Harborview Bank who wrote the tracing libraries used by its Java and "
     "Kotlin services. She enjoys migrations more than is probably healthy."),
    ("Tamara Jovanović", "Old Mill Insurance",
     "Tamara is a security operations lead at Old Mill Insurance in Hartford. Before that she did incident "
     "response consulting in Belgrade and Vienna."),
    ("Samuel Adeyemi", "Meridian Freight Lines",
     "Samuel is Director of Site Reliability at Meridian Freight Lines in Atlanta. He has run the company's "
     "postmortem program since the day it had none."),
    ("Zanele Dlamini", "Meridian Freight Lines",
     "Zanele is a senior engineer on Meridian Freight Lines' shipment-tracking platform. She grew up in "
     "Durban and moved to Atlanta to work on systems that follow containers across oceans."),
    ("Chloe Ashworth", "Northgate Health",
     "Chloe is Director of Platform at Northgate Health, a hospital group in Philadelphia. She is responsible "
     "for keeping clinical systems available and patient data out of places it should not be."),
    ("Leila Rahimi", "Northgate Health",
     "Leila is Northgate Health's Chief Information Security Officer. She runs breach tabletops every quarter "
     "and makes sure engineers, lawyers and clinicians are all in the room."),
    ("Daniel Cohen", "Atlas Ridge Media",
     "Daniel is a senior SRE at Atlas Ridge Media, a New York streaming and news company. He organizes the "
     "New York Observability Practitioners meetup."),
    ("Rebecca Stein", "Atlas Ridge Media",
     "Rebecca is a data scientist on Atlas Ridge Media's reliability team. She spends her days explaining "
     "why an average of percentiles is not a percentile."),
    ("Noah Fischer", "Atlas Ridge Media",
     "Noah leads developer experience at Atlas Ridge Media. His team owns the CI system, the service catalog "
     "and the code review bot that everybody complains about."),
    ("Grace Liu", "Bramwell & Finch",
     "Grace leads the platform team at Bramwell & Finch, a New York department store chain with a large online "
     "business. She rolled out golden-path templates to 300 engineers."),
    ("Benjamin Hartley", "Bramwell & Finch",
     "Benjamin is a front-end architect at Bramwell & Finch. He has been measuring page speed since it was "
     "measured with a stopwatch."),
    ("Mei Lin", "Lotus Harbor Bank",
     "Mei is a cloud engineer at Lotus Harbor Bank in Singapore, where she runs the serverless platform behind "
     "the bank's mobile app. She keeps a spreadsheet of every cold start she has ever measured."),
    ("Naledi Mokoena", "Savanna Pay",
     "Naledi is CTO of Savanna Pay, a mobile money provider in Johannesburg and Nairobi. She built the first "
     "version of its USSD gateway herself."),
    ("Thabo Nkosi", "Savanna Pay",
     "Thabo is an SRE at Savanna Pay. He tests every release on the cheapest phone and the worst network he "
     "can find."),
    ("Tarek Mansour", "Delta Crescent Telecom",
     "Tarek is a security engineering manager at Delta Crescent Telecom in Cairo. He merged the company's "
     "security and operations telemetry into one pipeline."),
    ("Ayşe Yılmaz", "Boğaziçi Cargo",
     "Ayşe is a platform engineer at Boğaziçi Cargo in Istanbul. She built the self-service alerting system "
     "used by forty product teams."),
    ("Tomás Silva", "Caravela Travel",
     "Tomás is a principal engineer at Caravela Travel in Lisbon. He runs the shared telemetry pipeline that "
     "serves the company's booking, search and payments teams."),
    ("Erik Åberg", "Skärgård Games",
     "Erik is Head of Platform at Skärgård Games in Stockholm. He treats the internal platform as a product, "
     "with a roadmap, user interviews and a support rota."),
    ("Sara Lindgren", "Skärgård Games",
     "Sara is a product manager for Skärgård Games' internal developer platform. She measures adoption with "
     "surveys, telemetry and the occasional bribe of cinnamon buns."),
    # Sponsors
    ("Ryan Delgado", "Cobaltline Networks",
     "Ryan is a Principal Network Engineer at Cobaltline Networks. He has spent twenty years making packets "
     "go where they should and explaining why they didn't."),
    ("Meera Pillai", "Cobaltline Networks",
     "Meera leads product for Cobaltline's SD-WAN telemetry. She joined from a satellite operator, so she "
     "considers 40 ms of latency a luxury."),
    ("Felix Brenner", "Saltmarsh Data",
     "Felix is co-founder and CTO of Saltmarsh Data, a streaming data warehouse. He previously built "
     "analytics systems for an online marketplace in Hamburg."),
    ("Nora Quinn", "Saltmarsh Data",
     "Nora is a Solutions Engineer at Saltmarsh Data who helps customers connect their warehouses to their "
     "monitoring. She used to be a data analyst, and it shows in her charts."),
    ("Darius Farahani", "Kitebridge Security",
     "Darius heads threat research at Kitebridge Security. His team publishes a quarterly report on "
     "credential attacks that security teams actually read."),
    ("Anjali Kapoor", "Kitebridge Security",
     "Anjali is a product manager at Kitebridge Security working on identity threat detection. She previously "
     "built fraud models at an online bank."),
    ("Patrick O'Neill", "Orchardline Compute",
     "Patrick is VP of Alliances at Orchardline Compute, a GPU and bare-metal cloud. He has been building "
     "technology partnerships for two decades."),
    ("Lin Yu", "Orchardline Compute",
     "Lin is an infrastructure engineer at Orchardline Compute who keeps thousands of GPUs busy and cool. "
     "She is fluent in thermal throttling."),
    ("Astrid Nilsson", "Mothwing Analytics",
     "Astrid is a staff data scientist at Mothwing Analytics, a product analytics company. She connects what "
     "users do with how fast the product responds."),
    ("Victor Okonkwo", "Tidewater Queue",
     "Victor is a founding engineer at Tidewater Queue, a managed message streaming service. He has opinions "
     "about exactly-once delivery and will share them."),
    ("Sunita Reddy", "Quillfeather Systems",
     "Sunita is CEO of Quillfeather Systems, which makes documentation and runbook software for operations "
     "teams. She was an SRE for eight years before starting the company."),
    ("Jonas Weiss", "Quillfeather Systems",
     "Jonas leads integrations at Quillfeather Systems and built its Beacon Marketplace app. He lives in Zürich "
     "and commutes by bicycle in all weather."),
    ("Gabriel Laurent", "Ravelstone Cloud",
     "Gabriel is Managing Director of managed services at Ravelstone Cloud, a European cloud provider. His "
     "team runs Beacon on behalf of 140 customers."),
    ("Zoe Fitzgerald", "Nightjar Alerting",
     "Zoe is Head of Product at Nightjar Alerting, an on-call scheduling service. She has carried a pager "
     "in three time zones and designs escalation policies accordingly."),
    ("Ibrahim Musa", "Bramblegate Identity",
     "Ibrahim is a security engineer at Bramblegate Identity, a login and identity platform. He grew up in "
     "Kano and now works from Toronto on authentication telemetry."),
    ("Elena Popescu", "Bramblegate Identity",
     "Elena leads compliance engineering at Bramblegate Identity. She turns audit requirements into queries "
     "and dashboards instead of spreadsheets."),
    ("Takeshi Mori", "Lodeway Runtime",
     "Takeshi is a principal engineer at Lodeway Runtime, an edge and WebAssembly hosting platform. He has "
     "worked on language runtimes for fifteen years."),
    ("Bianca Ferraro", "Copperkettle CI",
     "Bianca is a Developer Advocate at Copperkettle CI. She once tracked a flaky test to a leap-second bug "
     "and has been looking for the next one ever since."),
    ("Sam Whitaker", "Copperkettle CI",
     "Sam is an engineering manager at Copperkettle CI responsible for build performance. His team shaved "
     "forty percent off the median pipeline time last year."),
    ("Arnav Joshi", "Sundial Edge",
     "Arnav leads the edge platform at Sundial Edge, a content delivery network with points of presence in "
     "200 cities. He is based in Pune and Singapore."),
    ("Katarzyna Zielińska", "Harrowfield Databases",
     "Katarzyna is a database reliability engineer at Harrowfield Databases, a distributed SQL company. "
     "She has investigated slow queries on every continent except Antarctica."),
    ("Owen Sutcliffe", "Harrowfield Databases",
     "Owen is a Solutions Architect at Harrowfield Databases. He helps customers migrate to distributed SQL "
     "and then explains what replication lag is, kindly."),
]

# ---------------------------------------------------------------------------------------------------------------
# Sessions. An abstract is written as light markup: paragraphs separated by a blank line, "- " bullet lines and
# **bold**. It becomes the plain-text `abstract` and, when it has any markup or several paragraphs, the
# `abstractHtml` as well.
# ---------------------------------------------------------------------------------------------------------------


@dataclass
class Event:
    key: str
    title: str
    type: str
    label: str
    track: str
    speakers: list
    abstract: str
    level: str = None
    tags: list = field(default_factory=list)
    languages: list = field(default_factory=lambda: ["en"])
    seats: int = None
    registration: bool = False
    minutes: int = None


def workshop(key, title, track, speakers, level, seats, tags, abstract, hands_on=True):
    kind, label = ("hands-on-lab", "Hands-on Lab") if hands_on else ("workshop", "Workshop")
    return Event(key, title, kind, label, track, speakers, abstract, level, tags, seats=seats, registration=True)


def exam(key, title, level, seats, abstract):
    return Event(key, title, "certification-exam", "Certification Exam", "training-certification", [], abstract,
                 level, ["certification", "exam"], seats=seats, registration=True)


def talk(key, title, minutes, speakers, level, tags, abstract, languages=("en",), label="Breakout Session"):
    return Event(key, title, "talk", label, None, speakers, abstract, level, tags, list(languages), minutes=minutes)


def expo(key, title, minutes, speakers, tags, abstract, level="beginner"):
    return Event(key, title, "expo-theater", "Expo Theater", "expo-theater", speakers, abstract, level, tags,
                 minutes=minutes)


def social(key, title, label, abstract, speakers=(), seats=None, languages=("en",)):
    return Event(key, title, "social", label, "community-partners", list(speakers), abstract,
                 languages=list(languages), seats=seats, registration=seats is not None)


def pause(key, title, abstract):
    return Event(key, title, "break", "Break", None, [], abstract, languages=[])


WORKSHOPS = [
    workshop("lab-otel-agent", "Hands-on: Instrument a Service with OpenTelemetry and the Beacon Agent",
             "observability", ["marcus-webb", "hana-kobayashi"], "beginner", 40,
             ["opentelemetry", "tracing", "beacon-agent", "hands-on"], """
        Bring a laptop with Docker installed: we provide a small online bookshop with five services and no
        telemetry at all.

        In three hours you will:

        - add OpenTelemetry tracing to a Python and a Go service
        - ship traces, metrics and logs through the **Beacon Agent**
        - find the one slow SQL query that makes checkout take four seconds

        No prior observability experience needed."""),
    workshop("workshop-slo-trust", "Workshop: Writing SLOs People Actually Trust", "sre-incident-response",
             ["oliver-grant", "nadia-haddad"], "intermediate", 50, ["slo", "error-budgets", "alerting"], """
        Most SLOs are written once, argued about, and then quietly ignored. In small groups we work on a
        realistic payments service: choosing user-facing indicators, setting targets from real traffic and
        wiring burn-rate alerts in Beacon Watchtower. You leave with a one-page SLO template and a review
        checklist to take back to your team.""", hands_on=False),
    workshop("lab-k8s-zero-to-alerts", "Hands-on: Kubernetes Monitoring from Zero to Alerts", "cloud-kubernetes",
             ["diego-ferreira", "kenji-ito"], "intermediate", 40, ["kubernetes", "metrics", "alerting", "hands-on"],
             """
        Every participant gets a disposable three-node cluster. We deploy the Beacon Agent as a DaemonSet, tour
        the cluster and workload views, and then break things on purpose (a crash-looping pod, a node under
        memory pressure, a misconfigured autoscaler) to build alerts that fire for the right reasons. Comfort
        with kubectl is assumed."""),
    workshop("lab-threat-hunting-bql", "Hands-on: Threat Hunting in Logs with BQL", "security",
             ["yusuf-demir", "rafael-quintero"], "advanced", 45, ["security", "logs", "bql", "threat-detection"], """
        We replay a week of logs from a fictional retailer that was quietly breached, and you hunt for the
        attacker with the **Beacon Query Language**.

        - Pivot from a suspicious login to the processes it started
        - Join authentication, DNS and application logs in one query
        - Turn your best query into a scheduled detection

        Expect to write a lot of queries; familiarity with SQL or any log query language helps."""),
    workshop("workshop-navigator-runbooks", "Workshop: Your First AI-Assisted Runbook with Beacon Navigator",
             "ai-data", ["ananya-iyer", "kwame-mensah"], "beginner", 45, ["ai", "runbooks", "navigator"], """
        Beacon Navigator can read your telemetry, but it is only as useful as the runbooks it follows. We take
        three common incident types, write runbooks that mix human steps with Navigator queries, and test them
        against recorded incidents. We also cover the guardrails: what Navigator may run on its own and what
        always needs a human.""", hands_on=False),
    workshop("lab-golden-paths", "Hands-on: Golden Paths with Observability Built In", "platform-engineering",
             ["ethan-brooks", "grace-liu"], "intermediate", 30, ["platform-engineering", "templates", "golden-paths"],
             """
        Build a service template that ships with tracing, dashboards, SLOs and alert routing from its very first
        deploy. Grace shares how Bramwell & Finch rolled this out to 300 engineers; then you build your own
        template, generate two services from it and watch their telemetry arrive without drawing a single
        dashboard by hand."""),
    workshop("lab-rum-spa", "Hands-on: Real User Monitoring for Single-Page Apps", "developer-experience",
             ["maya-goldberg", "kwame-mensah"], "beginner", 40, ["rum", "frontend", "web-vitals", "hands-on"], """
        Add Beacon Pulse to a single-page storefront, then follow one real user's slow page load from the
        browser all the way to the backend trace. We look at web vitals per route, rage clicks, and how to keep
        session data privacy-safe. Bring a laptop with Node.js 20 or newer."""),
    workshop("workshop-log-pipelines", "Workshop: Log Pipelines That Don't Break the Budget", "observability",
             ["sofia-marchetti", "wei-zhang"], "intermediate", 60, ["logs", "cost", "pipelines"], """
        Logs grow faster than budgets. Starting from an anonymized pipeline that ingests 8 TB a day, we design
        routing, sampling and tiered-retention rules that halve the volume while keeping everything the security
        and on-call teams actually query. You work in pairs and compare your savings at the end.""",
             hands_on=False),
    workshop("workshop-sev1-gameday", "Workshop: Run a SEV-1 Game Day", "sre-incident-response", ["jordan-reyes"],
             "intermediate", 30, ["incident-response", "game-day", "on-call"], """
        A realistic, slightly chaotic incident simulation. Teams of five take the roles of incident commander,
        communications lead and responders while the facilitator injects failures into a live demo environment.

        - Practice handoffs and status updates under time pressure
        - Use the Beacon incident workspace and status page
        - Finish with a blameless review of your own game day

        Commanders need no laptop; responders need one.""", hands_on=False),
    workshop("lab-ebpf-profiling", "Hands-on: Continuous Profiling with eBPF in Production", "observability",
             ["diego-ferreira"], "advanced", 50, ["ebpf", "profiling", "performance", "linux"], """
        Continuous profiling shows which lines of code burn your CPU, in production, for about one percent of
        overhead. We enable the eBPF profiler in the Beacon Agent, read flame graphs for Go, Java and Python
        services, and track down a regression introduced by a one-line dependency upgrade."""),
    workshop("workshop-exec-dashboards", "Workshop: From Telemetry to Business KPIs", "ai-data", ["beatriz-souza"],
             "beginner", 45, ["dashboards", "business-metrics", "reporting"], """
        Your leadership does not want p99 latency; they want orders, revenue and how long customers wait. We
        connect technical signals to business metrics, build a dashboard an executive can read in ten seconds,
        and set up a weekly report that explains its own numbers. Suited to engineers, analysts and managers
        alike.""", hands_on=False),
]

EXAMS = [
    exam("exam-associate", "Beacon Certified Associate Exam", "beginner", 40, """
        A 60-question, 75-minute exam on Beacon fundamentals: data ingestion, dashboards, alerts and BQL basics.
        The exam is free for Summit attendees. Bring a government-issued photo ID and arrive ten minutes early;
        results are e-mailed within 48 hours."""),
    exam("exam-pro-apm", "Beacon Certified Professional: APM Exam", "intermediate", 35, """
        For engineers who run Beacon APM day to day: service maps, trace analytics, sampling configuration and
        alerting on latency distributions. The Associate certification is recommended but not required.
        90 minutes of performance-based tasks in a live sandbox."""),
    exam("exam-pro-logs", "Beacon Certified Professional: Log Analytics Exam", "intermediate", 30, """
        Covers log ingestion and parsing, pipelines and retention tiers, and advanced BQL including joins and
        window functions. Candidates solve eight practical tasks in a sandbox account on exam-room machines."""),
    exam("exam-spec-k8s", "Beacon Certified Specialist: Kubernetes Monitoring Exam", "advanced", 25, """
        A hands-on exam in a live cluster: deploy and tune the Beacon Agent, diagnose three injected failures
        and build the alerts that would have caught them. Requires the Associate certification. Seats are
        limited to 25 because every candidate gets a dedicated cluster."""),
    exam("exam-spec-security", "Beacon Certified Specialist: Security Monitoring Exam", "advanced", 30, """
        Tests detection engineering with Beacon Sentinel: writing and tuning detections, triaging signals and
        reconstructing an attack timeline. Requires the Associate certification; 90 minutes, scenario-based."""),
    exam("exam-spec-synthetics", "Beacon Certified Specialist: Synthetic Monitoring Exam", "intermediate", 25, """
        Covers API and browser checks, private locations, multi-step journeys and availability SLOs. Candidates
        build and debug checks against a deliberately flaky demo site."""),
    exam("exam-spec-incident", "Beacon Certified Specialist: Incident Response Exam", "intermediate", 40, """
        A scenario-based exam on incident management with Beacon: on-call schedules, escalation policies, the
        incident workspace and post-incident reviews. Includes a short written postmortem graded against a
        published rubric."""),
]

BREAKS = [
    pause("breakfast-d1", "Registration & Breakfast",
          "Pick up your badge on Floor 3 and have breakfast in the Expo Hall. Lab and exam rooms open at 08:45."),
    pause("coffee-d1-am", "Coffee Break", "Coffee, tea and snacks in the Expo Hall."),
    pause("lunch-d1", "Lunch",
          "Lunch is served in the Expo Hall. Vegetarian, vegan, halal and gluten-free options are labelled at "
          "every station."),
    pause("coffee-d1-pm", "Afternoon Coffee Break", "Coffee, tea and fruit in the Expo Hall."),
    pause("breakfast-d2", "Breakfast",
          "Breakfast in the Expo Hall. The Main Hall doors open at 08:30 for the opening keynote."),
    pause("break-d2-am", "Morning Break",
          "Coffee and snacks in the Expo Hall. Breakout sessions on Floors 4 and 5 start at 10:45."),
    pause("lunch-d2", "Lunch",
          "Lunch in the Expo Hall, with reserved tables for first-time attendees near Expo Theater B."),
    pause("break-d2-pm", "Afternoon Break", "Ice cream and coffee in the Expo Hall."),
]

SOCIALS = [
    social("apac-lunch", "APAC Community Lunch", "Networking Lunch", """
        Attendees from Asia-Pacific, and anyone who works with APAC teams, are invited to a seated lunch with the
        Lanternwell APAC field team. Tables are grouped by country, with Korean and Japanese speakers at every
        table. Registration required; seating is limited.""",
           speakers=["ji-hoon-park", "kenta-sato"], seats=60, languages=["en", "ko", "ja"]),
    social("welcome-reception", "Welcome Reception", "Reception", """
        Drinks, snacks and a jazz trio in the Expo Hall to close the workshop day. Sponsors stay at their booths
        until 19:30."""),
    social("partner-mixer", "Partner Mixer at Copperline Rooftop", "Evening Event", """
        An evening for Lanternwell partners, sponsors and the customers who work with them, a 15-minute walk from
        the convention center. Food stations and drinks on the roof. Registration required; your badge is your
        ticket.""", seats=250),
    social("fun-run", "Beacon 5K Fun Run", "Fun Run", """
        Start the main day with an easy 5 km loop along the river. Runners and walkers are welcome and every
        finisher gets a Summit T-shirt. We are back in time for breakfast.""", seats=200),
    social("wir-breakfast", "Women in Reliability Breakfast", "Networking Breakfast", """
        A breakfast conversation for women and non-binary engineers in SRE, operations and security, and their
        allies. Priya and Valentina share the career moves they would make again and the ones they would not,
        then open the floor. Registration required.""",
           speakers=["priya-raghunathan", "valentina-cruz"], seats=100),
    social("customer-night", "Customer Night at Lanternwell HQ", "Customer Night", """
        The Summit's big party, on the 24th floor of Lanternwell's headquarters with a view across lower
        Manhattan.

        - Live band from 20:00, DJ after 22:30
        - Food from six New York neighborhoods
        - Meet the engineers who build Beacon at the demo bar

        Shuttles leave the convention center from 18:30. Bring your badge: it is your ticket.""", seats=1200),
]

COMMUNITY_WORKSHOP_DAY = [
    talk("partner-opening", "Partner Summit Opening: Building on Beacon in 2027", 45, ["renata-villalobos"],
         "beginner", ["partners", "roadmap"], """
        Renata opens the partner day with where Beacon is heading this year and what it means for partners: new
        integration APIs, a simpler marketplace revenue share and the regions launching next.""",
         label="Partner Summit"),
    talk("partner-coselling", "What Customers Ask Partners For", 45, ["patrick-oneill", "isabel-moreno"],
         "beginner", ["partners", "services"], """
        We asked 200 Beacon customers what help they buy from partners. Migrations and training top the list,
        but "someone to own our dashboards" came a surprising third. Patrick and Isabel walk through the results
        and how partners can package those services.""", label="Partner Summit"),
    talk("partner-managed-services", "Packaging Managed Observability Services", 40, ["gabriel-laurent"],
         "intermediate", ["partners", "managed-services", "multi-tenancy"], """
        Ravelstone Cloud runs Beacon on behalf of 140 mid-size customers. Gabriel explains the operating model,
        pricing that customers understand, and the automation that keeps a twelve-person team from drowning in
        tenants.""", label="Partner Summit"),
    talk("partner-marketplace", "Shipping an App on the Beacon Marketplace", 45, ["jonas-weiss", "priya-raghunathan"],
         "intermediate", ["partners", "marketplace", "integrations"], """
        A practical walkthrough of building, reviewing and publishing a Beacon Marketplace app, from the manifest
        file to the listing page. Jonas shares what Quillfeather learned from its first three releases, and
        Priya explains what the review team looks for.""", label="Partner Summit"),
    talk("partner-awards", "Partner Awards and Roadmap Q&A", 45, ["renata-villalobos", "isabel-moreno"], "beginner",
         ["partners", "roadmap"], """
        We celebrate the partners who made a difference for customers this year, then take your roadmap
        questions for as long as the room lets us.""", label="Partner Summit"),
    Event("office-hours-architects", "Ask the Architects: Sizing Your Beacon Rollout", "other", "Office Hours",
          "community-partners", ["tobias-lindqvist", "kenta-sato"], """
        Bring your numbers (hosts, services, daily log volume, retention needs) and leave with a sizing sketch.
        Tobias and Kenta answer questions on agent deployment, data residency and cost controls. No slides;
        first come, first served.""", "intermediate", ["architecture", "sizing", "cost"]),
    Event("meetup-nyc", "Meetup: New York Observability Practitioners", "other", "Meetup", "community-partners",
          ["daniel-cohen", "rebecca-stein"], """
        The local practitioners' meetup holds its May edition at the Summit: three short talks from members,
        then open discussion. This month's theme is alert fatigue in small teams. Everyone is welcome, whether
        or not you use Beacon.""", "beginner", ["meetup", "community", "alerting"]),
]

KEYNOTES = [
    Event("opening-keynote", "Opening Keynote: Signals, Not Noise", "keynote", "Keynote", "keynotes",
          ["adaeze-okafor", "tobias-lindqvist", "seo-yeon-kim"], """
        Lanternwell CEO Adaeze Okafor and CTO Tobias Lindqvist open the Summit with the year's biggest Beacon
        release.

        - **Beacon Navigator** becomes generally available, with guardrails you configure
        - One price list for metrics, logs and traces
        - A new data region in Seoul

        Seo-yeon Kim of Dasol Pay joins them on stage to show how her team used Navigator during its busiest
        week of the year.""", "beginner", ["keynote", "product", "navigator"]),
    Event("closing-keynote", "Closing Keynote: What Ten Thousand Incidents Taught Us", "keynote", "Keynote",
          "keynotes", ["celeste-amara", "renata-villalobos"], """
        Resilience researcher Dr. Celeste Amara has read more postmortems than anyone should. She shares
        patterns from ten thousand incident reviews at forty companies: why the same outages recur, and what
        the teams that break the cycle do differently. Renata Villalobos closes with what comes next for Beacon
        and the Summit.""", "beginner", ["keynote", "resilience", "postmortems"]),
]

# Main-day breakouts: one column per track, in slot order (see TALK_SLOTS). A talk starts at its slot and runs
# for its own length (30 to 45 minutes).
BREAKOUTS = [
    ("observability", "room-401", [
        talk("tracing-message-queues", "Tracing the Untraceable: Context Propagation Through Message Queues", 45,
             ["zanele-dlamini"], "intermediate", ["tracing", "messaging", "opentelemetry"], """
            A shipment update at Meridian Freight passes through four queues, two batch jobs and a partner API
            before a customer sees it. Zanele shows how her team carried trace context across every hop,
            including the ones that drop headers, and what the first complete trace revealed about a
            six-minute delay nobody could explain."""),
        talk("high-cardinality-metrics", "High-Cardinality Metrics Without the Bill Shock", 40, ["wei-zhang"],
             "advanced", ["metrics", "cardinality", "cost", "storage"], """
            Per-customer and per-device labels make metrics useful and storage expensive. Wei explains how
            Beacon stores high-cardinality series, which queries stay fast and which cannot, and the three label
            patterns that account for most runaway bills.

            Expect diagrams of **columnar storage**, a live query-cost demo and a checklist for reviewing new
            labels before they reach production."""),
        talk("logs-to-traces-migration", "From Logs to Traces: Migrating 400 Services in Six Months", 45,
             ["james-whitfield", "emily-tran"], "intermediate", ["tracing", "migration", "java", "banking"], """
            Harborview Bank debugged everything with log searches until a payments incident took nine hours to
            untangle. James and Emily describe the six-month migration to distributed tracing: shared libraries,
            a team-by-team rollout, and the metrics they used to prove it was worth it."""),
        talk("sampling-compared", "Sampling Strategies Compared: Head, Tail and Adaptive", 40, ["diego-ferreira"],
             "advanced", ["tracing", "sampling", "cost"], """
            Keeping every trace is expensive; dropping the wrong ones is worse.

            - **Head sampling**: cheap and predictable, blind to errors
            - **Tail sampling**: keeps the interesting traces, needs memory and coordination
            - **Adaptive sampling**: follows traffic, harder to reason about

            Diego benchmarks all three on the same workload and shows where each one misleads you."""),
        talk("observing-batch-pipelines", "Observability for Batch and Data Pipelines", 30, ["nikhil-bhat"],
             "intermediate", ["data-pipelines", "batch", "freshness"], """
            Batch jobs do not have request latency, but they do have deadlines. Nikhil shows how Saptaparni
            Health instruments nightly clinical-data pipelines with spans per stage, freshness metrics per table
            and alerts that fire before the morning reports are late, not after."""),
        talk("dashboards-lying", "Your Dashboards Are Lying: Statistical Pitfalls in Monitoring", 40,
             ["rebecca-stein"], "intermediate", ["statistics", "dashboards", "percentiles"], """
            Averages of percentiles, rates over gappy data, and heatmaps with misleading color scales. Rebecca
            walks through real dashboards from Atlas Ridge Media that told the wrong story, explains the math in
            plain language, and shows how to fix each one."""),
    ]),
    ("cloud-kubernetes", "room-402", [
        talk("three-thousand-clusters", "Running 3,000 Kubernetes Clusters and Still Sleeping at Night", 45,
             ["yuki-nakamura"], "advanced", ["kubernetes", "fleet-management", "scale"], """
            Kumo Mobility runs a cluster per city, per environment and per cloud, and the count keeps growing.
            Yuki shares the fleet-level signals her team watches, how they roll out agent upgrades to thousands
            of clusters safely, and the one dashboard the on-call engineer opens first."""),
        talk("autoscaling-right-signals", "Autoscaling on the Right Signals", 40, ["lukas-brandt", "hannah-weber"],
             "intermediate", ["kubernetes", "autoscaling", "slo"], """
            CPU-based autoscaling kept Brückenwerk's booking service either too slow or too expensive. Lukas and
            Hannah explain how they switched to scaling on queue depth and latency SLOs, the oscillation bug that
            followed, and the control-loop tuning that finally made it stable."""),
        talk("finops-meets-telemetry", "Multi-Cloud Cost Observability: FinOps Meets Telemetry", 45,
             ["ingrid-halvorsen"], "intermediate", ["finops", "cost", "multi-cloud"], """
            Cloud bills arrive monthly; engineers deploy hourly. Ingrid shows how Nordlys Energi joins billing
            exports with Beacon usage metrics to put a price on every service, every day, across three cloud
            providers, and how that changed which optimizations teams chose."""),
        talk("serverless-cold-starts", "Serverless Cold Starts, Measured", 30, ["mei-lin"], "intermediate",
             ["serverless", "latency", "mobile"], """
            Lotus Harbor Bank's mobile app talks to 90 serverless functions. Mei measured cold starts across
            runtimes, memory sizes and package layouts, and shares the data, the surprises, and the two changes
            that removed most of the slow first taps."""),
        talk("k8s-networking-flow-logs", "Debugging Kubernetes Networking with Flow Logs", 45, ["pieter-van-dijk"],
             "advanced", ["kubernetes", "networking", "ebpf"], """
            Dropped packets, DNS timeouts and a network policy that blocked one pod out of forty. Pieter walks
            through three real incidents at Polderwerk Logistics and how eBPF-based flow logs turned each from a
            guessing game into a query."""),
        talk("control-plane-canaries", "Kubernetes Upgrades Without Fear: Canarying the Control Plane", 40,
             ["carlos-mendoza"], "intermediate", ["kubernetes", "upgrades", "canary"], """
            Nopal Telecom used to upgrade Kubernetes twice a year with a weekend-long change window. Carlos
            describes the canary process that made upgrades boring: which signals gate each step, how long to
            wait, and the two times the canary caught a problem before customers did."""),
    ]),
    ("security", "room-403", [
        talk("detection-as-code", "Detection as Code: Versioned, Tested, Reviewed", 45,
             ["rafael-quintero", "yusuf-demir"], "intermediate", ["security", "detection", "ci"], """
            Detections deserve the same care as application code: version control, tests with recorded attack
            data, peer review and staged rollout. Rafael and Yusuf show the workflow the Beacon Sentinel team
            uses internally and how to adopt it with the tools you already have."""),
        talk("supply-chain-near-miss", "The Supply-Chain Attack We Almost Missed", 40, ["tamara-jovanovic"],
             "intermediate", ["security", "supply-chain", "incident"], """
            A compromised build dependency at Old Mill Insurance made one outbound connection per day, to a
            domain that looked like a CDN. Tamara reconstructs how a latency anomaly, not a security alert,
            exposed it, and what the team changed so the next one is caught on day one."""),
        talk("runtime-security-apm", "Runtime Security Signals in the Same Pipeline as Your APM", 30,
             ["tarek-mansour"], "intermediate", ["security", "runtime", "apm"], """
            Delta Crescent Telecom merged its security and operations telemetry into one pipeline. Tarek explains
            the benefits (one agent, shared context, faster triage), the friction between the two teams, and the
            access controls that made the merge acceptable to both."""),
        talk("secrets-in-logs", "Secrets in Logs: Finding and Redacting Them at Ingest", 40, ["aoife-byrne"],
             "beginner", ["security", "logs", "privacy", "redaction"], """
            Every large log estate contains passwords, tokens and personal data that should never have been
            written. Aoife shows how Harborview Bank found them, the redaction rules it runs at ingest, and the
            developer feedback loop that stopped new leaks at the source."""),
        talk("zero-trust-pipelines", "Zero Trust for Observability Pipelines", 45, ["magdalena-kowalska"],
             "advanced", ["security", "zero-trust", "pipelines"], """
            Telemetry pipelines carry some of the most sensitive data in a company and are often the least
            protected. Magdalena covers mutual TLS between agents and collectors, per-team scoping of queries,
            and the audit trail Kestrel Air keeps for every dashboard view."""),
        talk("tabletop-to-telemetry", "Tabletop to Telemetry: Rehearsing a Breach", 45,
             ["leila-rahimi", "chloe-ashworth"], "beginner", ["security", "incident-response", "tabletop"], """
            Northgate Health runs a breach tabletop every quarter, and every time it discovered a question its
            telemetry could not answer. Leila and Chloe share the scenarios, the gaps they found and fixed, and a
            template for running your own exercise."""),
    ]),
    ("ai-data", "room-404", [
        talk("observing-llm-apps", "Observing LLM Applications: Tokens, Latency and Cost", 45,
             ["arjun-venkataraman"], "intermediate", ["ai", "llm", "cost", "tracing"], """
            Pravah Payments' support assistant answers 300,000 questions a month. Arjun shows how the team traces
            each conversation through retrieval, model calls and tools, and which metrics matter in practice:
            time to first token, cost per resolved question and the rate of answers that humans correct."""),
        talk("anomaly-detection-not-muted", "Anomaly Detection That On-Call Engineers Don't Mute", 40,
             ["ananya-iyer"], "intermediate", ["ai", "anomaly-detection", "alerting"], """
            Anomaly alerts have a reputation problem: too many, too vague, muted by Friday. Ananya shares what the
            Navigator team learned from 4,000 muted detectors, the seasonality and deployment-awareness changes
            that followed, and how on-call engineers now rate alerts directly in the page."""),
        talk("feature-store-slos", "Feature Stores Need SLOs Too", 45, ["kavya-nair"], "intermediate",
             ["ai", "data", "slo", "feature-store"], """
            A stale feature is as harmful to a model as an outage, and much quieter. Kavya explains how Saptaparni
            Health defines freshness and completeness SLOs for its feature store, and how a missed SLO now blocks
            a model deployment automatically."""),
        talk("data-quality-monitoring", "Data Quality Monitoring for Analytics Pipelines", 30,
             ["deepika-choudhary"], "beginner", ["data-quality", "analytics", "monitoring"], """
            Greenleaf Grocers prices 40,000 products from data that flows through a dozen pipelines. Deepika shows
            the checks that catch bad data before it reaches a shelf label, from row counts to distribution drift,
            and how alerts are routed to the team that owns the data."""),
        talk("navigator-under-the-hood", "Root-Cause Suggestions in Navigator: How They Work", 40,
             ["tobias-lindqvist"], "advanced", ["ai", "navigator", "root-cause-analysis"], """
            When Navigator suggests a likely cause, what is it actually doing? Tobias opens the box: the topology
            graph, change events, the statistical tests that rank candidates, and where the language model comes
            in (and where it is deliberately kept out). Includes the evaluation data behind the accuracy
            numbers."""),
        talk("seasonal-capacity-forecasts", "Predicting Capacity with Seasonal Forecasts", 45,
             ["siddharth-rao", "deepika-choudhary"], "intermediate", ["capacity-planning", "forecasting", "data"], """
            Holiday weekends used to surprise Greenleaf Grocers every year. Siddharth and Deepika show the
            forecasting models they built on two years of Beacon metrics, how they account for promotions and
            weather, and how good the forecasts turned out to be."""),
    ]),
    ("developer-experience", "room-501", [
        talk("traces-on-your-laptop", "Observability in the Inner Loop: Traces on Your Laptop", 40,
             ["kwame-mensah"], "beginner", ["developer-experience", "tracing", "local-development"], """
            Why wait for production to see a trace? Kwame shows how to run the Beacon Agent locally, view traces
            from your tests and dev server, and catch N+1 queries and chatty APIs before the pull request is even
            opened."""),
        talk("telemetry-in-code-review", "Making Telemetry Part of Code Review", 30, ["noah-fischer"], "beginner",
             ["developer-experience", "code-review", "instrumentation"], """
            At Atlas Ridge Media, every pull request shows which spans, metrics and log lines it adds or removes.
            Noah explains the bot behind it, the arguments it settled and started, and why reviewers now ask
            "how will we know this works?" by default."""),
        talk("mobile-crash-triage", "Mobile Crash Triage at 20 Million Devices", 45, ["kaito-fujimoto"],
             "intermediate", ["mobile", "crash-reporting", "developer-experience"], """
            A crash that affects 0.1% of players is still twenty thousand angry people. Kaito shows how Hoshizora
            Games groups crashes, links them to releases and feature flags, and decides within an hour whether to
            roll back a build."""),
        talk("frontend-performance-budgets", "Front-End Performance Budgets That Stick", 40, ["benjamin-hartley"],
             "intermediate", ["frontend", "performance", "web-vitals"], """
            Performance budgets usually fail quietly: someone raises the limit and moves on. Benjamin describes the
            budget process at Bramwell & Finch, with real-user data in every pull request, owners for every page
            and a monthly review that has kept the home page under two seconds for a year."""),
        talk("designing-alerts-for-humans", "Designing Alerts for Humans", 45, ["maya-goldberg"], "beginner",
             ["alerting", "design", "on-call"], """
            An alert is a message to a tired person at 3 a.m. Maya presents findings from interviews with 60
            on-call engineers and turns them into practical rules:

            - say **what is broken for whom**, not which metric crossed a line
            - link to the one graph that matters
            - write the first action into the alert itself"""),
        talk("developer-portal-live-health", "Developer Portals with Live Service Health", 40, ["olivia-park"],
             "beginner", ["developer-portal", "service-catalog", "platform"], """
            Greenleaf Grocers' developer portal used to be a directory of stale wiki pages. Olivia shows how
            connecting it to live SLOs, deploys and ownership data turned it into the first place engineers look
            during an incident."""),
    ]),
    ("sre-incident-response", "room-502", [
        talk("blameless-not-toothless", "Blameless, Not Toothless: Postmortems That Change Things", 45,
             ["samuel-adeyemi"], "beginner", ["postmortems", "incident-response", "culture"], """
            Meridian Freight's postmortems were kind, thorough and ignored. Samuel explains how the team tracked
            action items to completion, measured repeat incidents, and learned to write fewer, better actions
            instead of long lists nobody finished."""),
        talk("error-budgets-regulated-bank", "Error Budgets in a Regulated Bank", 45,
             ["valentina-cruz", "alejandro-ruiz"], "intermediate", ["slo", "error-budgets", "compliance"], """
            Banco Altiplano's regulator asked a simple question: how do you decide when to stop shipping? Valentina
            and Alejandro describe how error budgets became the answer, how they are reported to auditors, and the
            release freeze that proved the policy works."""),
        talk("paging-less", "Paging Less: How We Cut Night Pages by 70%", 40, ["haruto-tanaka"], "intermediate",
             ["on-call", "alerting", "slo"], """
            Tsubame Rail's on-call engineers were woken up five times a week. Haruto shares the alert audit that
            followed, the rule that every page must be actionable within ten minutes, and what happened to
            reliability (it improved) when night pages dropped by 70 percent."""),
        talk("mining-postmortems", "Incident Review at Scale: Mining 5,000 Postmortems", 45, ["jordan-reyes"],
             "intermediate", ["postmortems", "data", "incident-response"], """
            With permission from 120 customers, Lanternwell analyzed 5,000 anonymized postmortems. Jordan
            presents what they have in common: the most frequent triggers, how long detection really takes, and
            the contributing factors that show up again and again."""),
        talk("chaos-for-payments", "Chaos Engineering for Payments", 40, ["rohan-mehta"], "advanced",
             ["chaos-engineering", "payments", "resilience"], """
            Breaking things on purpose is harder when the things are salaries. Rohan describes Pravah Payments'
            path from game days in staging to carefully bounded experiments in production, with automatic abort
            conditions tied to SLOs and a regulator who was briefed in advance."""),
        talk("on-call-health", "On-Call Health: Measuring the Human Side", 30, ["fatima-al-sayed", "omar-khalil"],
             "beginner", ["on-call", "wellbeing", "metrics"], """
            Kestrel Air measures on-call load the way it measures system load: pages per shift, sleep
            interruptions, time to hand off. Fatima and Omar show the dashboard, the changes it justified and how
            they introduced it without it feeling like surveillance."""),
    ]),
    ("customer-stories", "room-503", [
        talk("dasol-pay-chuseok", "How Dasol Pay Cut Checkout Latency by 40% Before Chuseok", 45, ["seo-yeon-kim"],
             "intermediate", ["customer-story", "payments", "latency"], """
            Chuseok, the harvest holiday, brings Dasol Pay's biggest traffic peak of the year. Seo-yeon tells the
            story of the eight weeks before it: the trace analysis that found a retry storm, the connection-pool
            fix, and the war room that turned out to be quiet."""),
        talk("kestrel-air-flights", "Kestrel Air: Observing 1,200 Flights a Day", 40, ["marta-nowak", "vikram-singh"],
             "beginner", ["customer-story", "airline", "operations"], """
            Aircraft, crews and gates are all software problems at an airline. Marta and Vikram show how Kestrel
            Air ties flight-operations events to service telemetry, so a delayed departure can be traced back to
            the system that caused it, or cleared of blame."""),
        talk("northgate-clinical-systems", "Northgate Health: Monitoring Clinical Systems Without Patient Data", 45,
             ["chloe-ashworth"], "intermediate", ["customer-story", "healthcare", "privacy"], """
            Clinical systems must be observable, and patient data must never leave them. Chloe explains Northgate
            Health's approach: redaction in the agent, synthetic patients for end-to-end checks, and a review
            process that brings the privacy office in before any new data source."""),
        talk("lumiere-mainframe", "Lumière Assurances: A Mainframe, Two Clouds and One Pane of Glass", 40,
             ["elodie-marchand", "jessica-moreau"], "intermediate", ["customer-story", "mainframe", "hybrid-cloud"], """
            Lumière Assurances still settles claims on a mainframe, while quotes come from serverless functions.
            Élodie and Jessica show how they brought batch-job telemetry, cloud traces and business events into
            one view, and the first incident it shortened from days to hours."""),
        talk("ipe-seguros-journey", "Ipê Seguros: From Cron-Job Checks to Full-Stack Observability", 45,
             ["camila-santos", "joao-pereira"], "beginner", ["customer-story", "migration", "insurance"], """
            Ipê Seguros monitored itself with 1,400 shell scripts run by cron. Camila and João share the two-year
            journey to modern observability: the inventory, the scripts that turned out to matter, the ones
            nobody missed, and how they kept the team motivated."""),
        talk("savanna-pay-mobile-money", "Savanna Pay: Mobile Money Reliability on Unreliable Networks", 40,
             ["naledi-mokoena", "thabo-nkosi"], "intermediate", ["customer-story", "mobile", "payments"], """
            Savanna Pay's customers send money from feature phones over patchy networks. Naledi and Thabo explain
            how they measure success from the customer's side, from USSD sessions to SMS confirmations, and what
            that revealed about failures their servers never saw."""),
    ]),
    ("platform-engineering", "room-504", [
        talk("paved-roads", "Paved Roads: Shipping Observability as a Platform Product", 45, ["erik-aberg"],
             "intermediate", ["platform-engineering", "product-management", "golden-paths"], """
            Skärgård Games' platform team stopped mandating and started selling. Erik describes how treating
            observability as a product, with user research, a roadmap and release notes, grew voluntary adoption
            from 30 to 95 percent of services."""),
        talk("collector-two-million-spans", "The OpenTelemetry Collector at 2 Million Spans per Second", 45,
             ["giulia-romano"], "advanced", ["opentelemetry", "collector", "performance"], """
            Banca del Tevere's collector fleet processes two million spans per second at peak. Giulia covers the
            architecture (agents, gateways and load-balanced tail sampling), the memory tuning that stopped the
            out-of-memory restarts, and the dashboards used to run the pipeline itself."""),
        talk("measuring-platform-adoption", "Internal Developer Platforms: Measuring Adoption Honestly", 40,
             ["sara-lindgren"], "beginner", ["platform-engineering", "metrics", "developer-experience"], """
            "Number of services on the platform" says little about whether it helps. Sara shares the metrics
            Skärgård Games uses instead, such as time to first deploy, support tickets per team and survey
            scores, and what they revealed about a feature everyone said they wanted."""),
        talk("shared-telemetry-pipelines", "Telemetry Pipelines as Shared Infrastructure", 30, ["tomas-silva"],
             "intermediate", ["pipelines", "platform-engineering", "multi-tenancy"], """
            At Caravela Travel one pipeline serves booking, search and payments, with very different needs. Tomás
            explains quotas per team, priority lanes for incident data, and the chargeback model that ended the
            arguments about who pays for what."""),
        talk("self-service-alerting", "Self-Service Alerting Without Alert Sprawl", 45, ["ayse-yilmaz"],
             "intermediate", ["alerting", "self-service", "platform-engineering"], """
            Forty product teams at Boğaziçi Cargo create their own alerts, and the total number has gone down.
            Ayşe presents the templates, ownership rules and automatic expiry that make self-service alerting
            work, and the review bot that questions every alert without a runbook."""),
        talk("policy-as-code-budgets", "Policy as Code for Observability Budgets", 40, ["hiroshi-yamamoto"],
             "advanced", ["policy-as-code", "cost", "governance"], """
            Tsubame Rail applies the rigor of safety-critical engineering to its telemetry spend. Hiroshi shows
            the policies that check every new metric, log source and retention change in CI, and how teams
            request exceptions without waiting a week for approval."""),
    ]),
    ("community-partners", "community-lounge", [
        talk("beacon-korea-users", "Beacon 코리아 사용자 모임: 서울에서 뉴욕까지, 관측성 도입기", 45,
             ["ji-hoon-park", "su-jin-lee", "min-ho-jung"], "beginner", ["community", "korea", "user-group"], """
            한국 Beacon 사용자들이 모여 지난 1년간의 도입 경험을 나눕니다. 결제, 게임, 물류 분야의 엔지니어가
            대시보드와 알림 설계, 그리고 실패담까지 솔직하게 공유합니다.

            세션은 한국어로 진행되며, 질의응답 시간에는 영어 질문도 환영합니다.""",
             languages=["ko"], label="Community Session"),
        talk("lightning-talks", "Lightning Talks: Five Minutes of Observability", 45,
             ["aiko-watanabe", "yu-na-choi", "santiago-herrera"], "beginner", ["lightning-talks", "community"], """
            Short talks from attendees, five minutes each, no second chances:

            - **Aiko Watanabe**: the on-call handbook nobody reads, rewritten as a quiz
            - **Yu-na Choi**: what container ships taught me about backpressure
            - **Santiago Herrera**: network graphs as weather maps

            Stay for the open mic at the end.""", label="Lightning Talks"),
        talk("observabilidad-latam", "Observabilidad en América Latina: lecciones de tres migraciones", 45,
             ["lucia-romero", "mateo-alvarez", "santiago-herrera"], "beginner", ["community", "latam", "migration"], """
            Tres equipos de Chile, México y Argentina cuentan cómo pasaron del monitoreo tradicional a la
            observabilidad completa. Hablamos de presupuestos ajustados, redes inestables y de cómo convencer a la
            dirección con datos. Sesión en español; las preguntas en inglés también son bienvenidas.""",
             languages=["es"], label="Community Session"),
        talk("game-server-k8s-cost", "게임 서버의 쿠버네티스 비용, 관측성으로 줄이기", 45, ["min-ho-jung", "yu-na-choi"],
             "intermediate", ["kubernetes", "cost", "gaming", "korea"], """
            출시 첫 주에 동시 접속자가 열 배로 늘어난 모바일 게임의 쿠버네티스 클러스터 운영 사례를 소개합니다.
            노드 사용률과 매치메이킹 지연 시간을 함께 보면서 과하게 잡혀 있던 리소스 요청을 찾아낸 과정, 그리고
            비용을 35% 줄인 방법을 단계별로 설명합니다. 한국어 세션입니다.""",
             languages=["ko"], label="Community Session"),
        talk("inside-certification", "Inside the Beacon Certification Program: How Exams Are Built", 45,
             ["claire-dubois"], "beginner", ["certification", "training", "community"], """
            Who writes the exam questions, how are they tested, and why are the specialist exams hands-on? Claire
            explains how the certification program works, shares anonymized pass-rate data and takes feedback
            from everyone who sat an exam yesterday.""", label="Community Session"),
        talk("agent-plugins-qa", "Contributor Q&A: Building Plugins for the Beacon Agent", 45, ["diego-ferreira"],
             "advanced", ["open-source", "beacon-agent", "plugins", "community"], """
            The Beacon Agent's plugin interface is open source and has 160 community plugins. Diego answers
            questions about writing, testing and publishing plugins, and about what changes in the next major
            version of the interface.""", label="Community Session"),
    ]),
]

TALK_SLOTS = ["10:45", "11:45", "13:30", "14:30", "15:45", "16:45"]

# Expo-theater talks: sponsor talks and Lanternwell product demos, 15 or 20 minutes, not seat-limited.
EXPO_TALKS = [
    # Lanternwell product demos
    expo("demo-navigator", "Demo: Beacon Navigator Answers Your First Question", 15, ["farah-siddiqui"],
         ["demo", "navigator", "ai"], """
        Farah connects Navigator to a demo environment and asks it why checkout is slow, live, with no script.
        See how it cites the traces and changes behind every answer."""),
    expo("demo-logs-2027", "Demo: What's New in Beacon Logs 2027.1", 20, ["sofia-marchetti"],
         ["demo", "logs", "release"], """
        A tour of this release's log features: pipeline previews, archive search without rehydration, and
        field-level retention. Sofia shows each with real (anonymized) data."""),
    expo("demo-rum-replay", "Demo: Session Replay, Privacy First", 15, ["maya-goldberg"],
         ["demo", "rum", "privacy"], """
        Session replay is powerful and easy to get wrong. Maya shows Beacon Pulse replays with masking on by
        default and explains what is never recorded."""),
    expo("demo-profiling", "Demo: Continuous Profiling in the Beacon Agent", 20, ["ethan-brooks"],
         ["demo", "profiling", "performance"], """
        Ethan switches on the profiler for a running service and finds the hot loop in under five minutes. He also
        covers overhead, supported runtimes and how profiles link to traces."""),
    expo("demo-k8s-fleet", "Demo: The Kubernetes Fleet View", 15, ["kenji-ito"],
         ["demo", "kubernetes"], """
        One screen for hundreds of clusters: versions, health, cost and noisy neighbours. Kenji drills down from
        the fleet to a single throttled container."""),
    expo("demo-mobile", "Demo: Mobile App Monitoring Quick Start", 15, ["beatriz-souza"],
         ["demo", "mobile"], """
        From SDK install to the first crash report and slow-screen trace in fifteen minutes, on both mobile
        platforms."""),
    expo("demo-cert-prep", "Getting Certified: Exam Prep Tips", 20, ["claire-dubois"],
         ["certification", "training"], """
        What each Beacon exam covers, how the hands-on parts are graded and the three most common reasons people
        run out of time. Bring your questions about tomorrow's sittings."""),
    expo("demo-agent-fleet", "Demo: Managing Beacon Agents at Fleet Scale", 20, ["kenta-sato", "su-jin-lee"],
         ["demo", "beacon-agent", "fleet-management"], """
        Kenta and Su-jin roll out an agent configuration change to 5,000 hosts in stages, watch the rollout
        health, and roll it back with one click."""),
    expo("demo-bql", "Demo: BQL in 15 Minutes", 15, ["jing-chen"], ["demo", "bql", "query"], """
        The Beacon Query Language from first filter to joins and window functions, with the shortcuts the docs
        forget to mention."""),
    expo("demo-sentinel", "Demo: The Beacon Sentinel Threat Timeline", 20, ["yusuf-demir"],
         ["demo", "security", "sentinel"], """
        Yusuf follows a simulated intrusion through the threat timeline: initial login, lateral movement and the
        detection that fired. Everything you see is queryable."""),
    expo("demo-synthetics", "Demo: Synthetic Checks for a Login Flow", 15, ["mariana-costa"],
         ["demo", "synthetics"], """
        Record a multi-step browser check, run it from five locations and alert only when two of them fail.
        Mariana also shows how to keep test credentials out of the check definition."""),
    expo("demo-slo-burn", "Demo: SLO Burn-Rate Alerts, Step by Step", 20, ["marcus-webb"],
         ["demo", "slo", "alerting"], """
        Marcus builds an availability SLO from scratch and adds multi-window burn-rate alerts, then replays last
        month's traffic to show which alerts would have fired."""),
    expo("demo-service-maps", "Demo: Service Maps That Draw Themselves", 15, ["liam-oconnor"],
         ["demo", "apm", "service-map"], """
        Liam turns on tracing for a demo estate and watches the service map appear, then uses it to find the
        dependency everybody forgot about."""),
    expo("demo-cost-explorer", "Demo: The Telemetry Cost Explorer", 15, ["farah-siddiqui"],
         ["demo", "cost"], """
        Which team, service and log source drives your Beacon bill? Farah shows the cost explorer and the
        one-click rules that cut the biggest line items."""),
    expo("demo-incident-workspace", "Demo: The Incident Workspace and Status Pages", 20, ["hana-kobayashi"],
         ["demo", "incident-response"], """
        Declare an incident from an alert, pull in responders, post a status-page update and generate the
        postmortem timeline automatically, all in one place."""),
    expo("demo-db-insights", "Demo: Database Query Insights", 15, ["liam-oconnor"],
         ["demo", "databases"], """
        Find the slowest queries, the missing index and the service that issues the query ten thousand times a
        minute. Works with every major relational database."""),
    expo("demo-web-vitals", "Demo: Web Vitals Dashboards in Beacon Pulse", 15, ["mariana-costa"],
         ["demo", "rum", "web-vitals"], """
        Real-user web vitals by page, device and country, and the alert that tells you a release made your
        product pages slower before your customers do."""),
    # Sponsors
    expo("cobaltline-flow", "Network Paths You Can See: Flow Telemetry in Beacon", 20, ["ryan-delgado"],
         ["sponsor", "networking"], """
        Cobaltline Networks streams flow telemetry straight into Beacon. Ryan shows how to put network paths next
        to application traces and settle the "is it the network?" question in minutes."""),
    expo("cobaltline-sdwan", "SD-WAN Health at a Glance", 15, ["meera-pillai"], ["sponsor", "networking", "sd-wan"], """
        Branch offices, retail stores and factories all depend on the WAN. Meera shows a health view for hundreds
        of sites and the three metrics that predict a bad day."""),
    expo("cobaltline-latency", "Latency Budgets Across the WAN", 20, ["ryan-delgado", "meera-pillai"],
         ["sponsor", "networking", "latency"], """
        How much of your 300 ms budget does the network eat? Ryan and Meera break down real measurements from
        three continents and show where the time goes."""),
    expo("saltmarsh-streaming", "Streaming Warehouse Metrics into Beacon", 15, ["felix-brenner"],
         ["sponsor", "data-warehouse"], """
        Felix shows Saltmarsh Data's native Beacon exporter: query latency, queue depth and credit usage next to
        the services that caused them."""),
    expo("saltmarsh-freshness", "Keeping Data Lakes Fresh with Freshness SLOs", 20, ["nora-quinn"],
         ["sponsor", "data", "slo"], """
        A table that is a day late is an outage for the analysts. Nora sets up freshness SLOs for a demo lake and
        alerts the owning team, not everybody."""),
    expo("saltmarsh-cost", "Query Cost Attribution for Analytics Teams", 15, ["felix-brenner", "nora-quinn"],
         ["sponsor", "cost", "analytics"], """
        Which dashboard costs the most to refresh? Felix and Nora trace warehouse spend back to teams, dashboards
        and individual queries."""),
    expo("kitebridge-identity", "Identity Signals Meet Application Traces", 20, ["darius-farahani"],
         ["sponsor", "security", "identity"], """
        Darius joins Kitebridge identity events with Beacon traces to answer the question every investigation
        starts with: who did this, and from where?"""),
    expo("kitebridge-stuffing", "Catching Credential Stuffing in Real Time", 15, ["anjali-kapoor"],
         ["sponsor", "security", "fraud"], """
        Anjali replays a credential-stuffing attack against a demo login page and shows the signals that flag
        it within seconds, without locking out real customers."""),
    expo("kitebridge-soc", "SOC and SRE: Sharing One Timeline", 20, ["darius-farahani", "anjali-kapoor"],
         ["sponsor", "security", "incident-response"], """
        When an outage might be an attack, two teams need the same facts. Darius and Anjali show a shared incident
        timeline that serves both, with the right access controls."""),
    expo("orchardline-gpu", "GPU Fleet Monitoring for Inference Workloads", 20, ["patrick-oneill"],
         ["sponsor", "gpu", "ai"], """
        Utilization, memory, temperature and cost per thousand tokens. Patrick shows what Orchardline Compute
        customers watch when running inference at scale."""),
    expo("orchardline-baremetal", "Bare-Metal Kubernetes, Observed", 15, ["lin-yu"],
         ["sponsor", "kubernetes", "bare-metal"], """
        Lin explains the hardware signals that matter for bare-metal Kubernetes, from disk wear to fan speed, and
        how to bring them into Beacon."""),
    expo("mothwing-product", "Product Analytics Meets Performance Data", 20, ["astrid-nilsson"],
         ["sponsor", "product-analytics"], """
        Do slow pages lose customers? Astrid joins Mothwing's product analytics with Beacon Pulse data and measures
        the conversion cost of every 100 ms."""),
    expo("mothwing-funnels", "Funnels with Latency Overlays", 15, ["astrid-nilsson"],
         ["sponsor", "product-analytics", "latency"], """
        A sign-up funnel with response times drawn on every step. Astrid shows where users give up, and how much
        of that is the product's fault."""),
    expo("tidewater-lag", "Consumer Lag Is a Symptom: Diagnosing Queue Backlogs", 20, ["victor-okonkwo"],
         ["sponsor", "messaging", "queues"], """
        Victor walks through four causes of consumer lag, from slow consumers to partition skew, and the Beacon
        views that tell them apart."""),
    expo("tidewater-exactly-once", "Exactly-Once Delivery, Observed", 15, ["victor-okonkwo"],
         ["sponsor", "messaging"], """
        Exactly-once delivery is a promise with conditions. Victor shows how to measure duplicates and gaps end to
        end, so you know whether the promise holds."""),
    expo("quillfeather-docs", "Documentation That Knows Your Service Health", 15, ["sunita-reddy"],
         ["sponsor", "documentation", "runbooks"], """
        Sunita shows Quillfeather docs pages that display live SLO status and recent incidents for the service
        they describe, so readers know whether to trust what they read."""),
    expo("quillfeather-app", "Shipping a Beacon App in an Afternoon", 20, ["jonas-weiss"],
         ["sponsor", "marketplace", "integrations"], """
        Jonas builds a small Beacon Marketplace app on stage, from the manifest to a working panel, and submits
        it for review before the talk is over."""),
    expo("quillfeather-runbooks", "Runbooks Linked to Live Telemetry", 20, ["sunita-reddy"],
         ["sponsor", "runbooks", "incident-response"], """
        A runbook step that says "check the error rate" should show the error rate. Sunita demonstrates runbooks
        with embedded Beacon queries that run when the page opens."""),
    expo("ravelstone-managed", "Managed Observability for Mid-Size Teams", 15, ["gabriel-laurent"],
         ["sponsor", "managed-services"], """
        Not every company wants an observability team. Gabriel explains what a managed Beacon service covers and
        what you still own."""),
    expo("ravelstone-sovereign", "Sovereign Cloud Regions and Telemetry Residency", 20, ["gabriel-laurent"],
         ["sponsor", "compliance", "data-residency"], """
        Where does your telemetry live, and who can read it? Gabriel covers residency rules in Europe and how
        Ravelstone keeps Beacon data inside a single jurisdiction."""),
    expo("nightjar-fair", "Fair On-Call Rotations with Load Data", 15, ["zoe-fitzgerald"],
         ["sponsor", "on-call"], """
        Zoe uses Beacon page data to balance Nightjar on-call rotations by actual load rather than by number of
        shifts, and shows the before-and-after."""),
    expo("nightjar-escalation", "Escalation Policies That Respect Time Zones", 20, ["zoe-fitzgerald"],
         ["sponsor", "on-call", "time-zones"], """
        Follow-the-sun on-call sounds simple until daylight-saving time moves one team and not the other. Zoe
        shows escalation policies that stay correct all year."""),
    expo("bramblegate-passwordless", "Monitoring Passwordless Login", 20, ["ibrahim-musa"],
         ["sponsor", "identity", "authentication"], """
        Passkeys change what a failed login looks like. Ibrahim shows the new signals, the new failure modes and
        a Beacon dashboard for both."""),
    expo("bramblegate-audit", "Auditing Admin Access to Observability Data", 15, ["elena-popescu"],
         ["sponsor", "compliance", "audit"], """
        Elena shows how to answer an auditor's favourite question, "who looked at this data?", with Bramblegate
        access logs and Beacon audit trails."""),
    expo("bramblegate-hijack", "Session Hijack Detection with Behavioral Baselines", 20, ["ibrahim-musa"],
         ["sponsor", "security", "identity"], """
        A valid session cookie in an unusual place is a red flag. Ibrahim demonstrates baselines per user and per
        device and the alert that follows when a session jumps continents."""),
    expo("lodeway-wasm", "WebAssembly Workloads: What to Measure", 15, ["takeshi-mori"],
         ["sponsor", "webassembly", "edge"], """
        WebAssembly modules start in microseconds and run everywhere. Takeshi covers the metrics and traces that
        matter when your code runs in 300 places at once."""),
    expo("lodeway-edge", "Edge Functions with End-to-End Traces", 20, ["takeshi-mori"],
         ["sponsor", "edge", "tracing"], """
        Takeshi follows a request from the browser through a Lodeway edge function to the origin, in a single
        trace, and shows where the edge saved time and where it added it."""),
    expo("copperkettle-flaky", "Flaky Tests Are an Observability Problem", 20, ["bianca-ferraro"],
         ["sponsor", "ci", "testing"], """
        Bianca traces test runs like production requests and finds the shared fixture, the clock and the DNS
        lookup behind a team's flakiest tests."""),
    expo("copperkettle-ci-traces", "CI Pipeline Traces: Finding the Slow Step", 15, ["sam-whitaker"],
         ["sponsor", "ci", "performance"], """
        Every pipeline run as a trace, every step as a span. Sam shows how Copperkettle's exporter made a
        40-minute pipeline take 24."""),
    expo("copperkettle-deploys", "Deploy Markers and Change Intelligence", 20, ["bianca-ferraro", "sam-whitaker"],
         ["sponsor", "ci", "deployments"], """
        Most incidents start with a change. Bianca and Sam send every deploy, flag flip and config change to Beacon
        and show how fast the culprit appears."""),
    expo("sundial-cdn-logs", "CDN Logs at the Edge, Sampled Smartly", 15, ["arnav-joshi"],
         ["sponsor", "cdn", "logs"], """
        A CDN produces billions of log lines a day. Arnav shows which ones Sundial Edge keeps, which it
        summarizes at the edge, and why errors are never sampled."""),
    expo("sundial-synthetics", "Synthetic Checks from 200 Cities", 20, ["arnav-joshi"],
         ["sponsor", "synthetics", "cdn"], """
        Arnav runs Beacon synthetic checks from Sundial's points of presence and maps the results, showing how
        users in each city really experience your site."""),
    expo("harrowfield-slow-queries", "Slow Query Forensics for Distributed SQL", 20, ["katarzyna-zielinska"],
         ["sponsor", "databases", "performance"], """
        A query that is fast on one node and slow on another. Katarzyna follows it across the cluster with
        Harrowfield's query traces in Beacon."""),
    expo("harrowfield-replication", "Replication Lag Alerts That Mean Something", 15, ["owen-sutcliffe"],
         ["sponsor", "databases", "alerting"], """
        Replication lag spikes all the time; most spikes don't matter. Owen shows how to alert on the lag that
        affects reads your users actually make."""),
    expo("harrowfield-pools", "Connection Pool Saturation, Explained", 20, ["katarzyna-zielinska", "owen-sutcliffe"],
         ["sponsor", "databases"], """
        The database is idle and the application is timing out. Katarzyna and Owen explain pool saturation with
        live graphs and show the three settings that fix most cases."""),
]

# Order of the expo-theater talks per day and stage; they start every 30 minutes from the day's first slot.
EXPO_PROGRAM = {
    (WORKSHOP_DAY, "expo-theater-a"): (
        "11:00",
        ["demo-navigator", "cobaltline-flow", "demo-rum-replay", "saltmarsh-streaming", "kitebridge-identity",
         "demo-profiling", "orchardline-gpu", "mothwing-product", "tidewater-lag", "demo-cert-prep",
         "quillfeather-docs", "ravelstone-managed", "nightjar-fair"]),
    (WORKSHOP_DAY, "expo-theater-b"): (
        "11:00",
        ["demo-logs-2027", "bramblegate-passwordless", "lodeway-wasm", "copperkettle-flaky", "sundial-cdn-logs",
         "harrowfield-slow-queries", "demo-k8s-fleet", "cobaltline-sdwan", "quillfeather-app", "demo-mobile",
         "demo-agent-fleet", "saltmarsh-freshness", "kitebridge-stuffing"]),
    (MAIN_DAY, "expo-theater-a"): (
        "10:45",
        ["demo-bql", "harrowfield-replication", "demo-sentinel", "orchardline-baremetal", "copperkettle-ci-traces",
         "bramblegate-audit", "demo-synthetics", "tidewater-exactly-once", "demo-slo-burn", "mothwing-funnels",
         "kitebridge-soc", "nightjar-escalation", "cobaltline-latency"]),
    (MAIN_DAY, "expo-theater-b"): (
        "10:45",
        ["demo-service-maps", "saltmarsh-cost", "quillfeather-runbooks", "lodeway-edge", "demo-cost-explorer",
         "bramblegate-hijack", "sundial-synthetics", "demo-incident-workspace", "copperkettle-deploys",
         "ravelstone-sovereign", "demo-db-insights", "harrowfield-pools", "demo-web-vitals"]),
}
EXPO_SPACING_MINUTES = 30

# Everything that is not on the breakout grid or an expo stage: (event key, room id, day, start, end). An end
# of None means start plus the event's own length; times past 24:00 belong to the next morning.
SCHEDULE = [
    # Workshop day
    ("breakfast-d1", "expo-hall", WORKSHOP_DAY, "07:30", "09:00"),
    ("lab-otel-agent", "lab-410", WORKSHOP_DAY, "09:00", "12:00"),
    ("workshop-slo-trust", "lab-411", WORKSHOP_DAY, "09:00", "12:00"),
    ("lab-k8s-zero-to-alerts", "lab-412", WORKSHOP_DAY, "09:00", "12:00"),
    ("lab-threat-hunting-bql", "lab-510", WORKSHOP_DAY, "09:00", "12:00"),
    ("workshop-navigator-runbooks", "lab-511", WORKSHOP_DAY, "09:00", "12:00"),
    ("lab-golden-paths", "lab-512", WORKSHOP_DAY, "09:00", "12:00"),
    ("exam-associate", "certification-center", WORKSHOP_DAY, "09:00", "10:30"),
    ("exam-pro-apm", "certification-center", WORKSHOP_DAY, "11:00", "12:30"),
    ("exam-pro-logs", "certification-center", WORKSHOP_DAY, "13:30", "15:00"),
    ("exam-spec-k8s", "certification-center", WORKSHOP_DAY, "15:30", "17:00"),
    ("partner-opening", "harbor-room", WORKSHOP_DAY, "09:30", None),
    ("coffee-d1-am", "expo-hall", WORKSHOP_DAY, "10:30", "10:45"),
    ("partner-coselling", "harbor-room", WORKSHOP_DAY, "10:30", None),
    ("partner-managed-services", "harbor-room", WORKSHOP_DAY, "11:30", None),
    ("lunch-d1", "expo-hall", WORKSHOP_DAY, "12:00", "13:30"),
    ("apac-lunch", "harbor-room", WORKSHOP_DAY, "12:15", "13:30"),
    ("lab-otel-agent", "lab-410", WORKSHOP_DAY, "13:30", "16:30"),
    ("workshop-slo-trust", "lab-411", WORKSHOP_DAY, "13:30", "16:30"),
    ("lab-rum-spa", "lab-412", WORKSHOP_DAY, "13:30", "16:30"),
    ("workshop-log-pipelines", "lab-510", WORKSHOP_DAY, "13:30", "16:30"),
    ("lab-threat-hunting-bql", "lab-511", WORKSHOP_DAY, "13:30", "16:30"),
    ("workshop-sev1-gameday", "lab-512", WORKSHOP_DAY, "13:30", "16:30"),
    ("office-hours-architects", "community-lounge", WORKSHOP_DAY, "14:00", "15:00"),
    ("partner-marketplace", "harbor-room", WORKSHOP_DAY, "14:00", None),
    ("coffee-d1-pm", "expo-hall", WORKSHOP_DAY, "15:00", "15:15"),
    ("partner-awards", "harbor-room", WORKSHOP_DAY, "15:00", None),
    ("meetup-nyc", "community-lounge", WORKSHOP_DAY, "16:00", "17:00"),
    ("welcome-reception", "expo-hall", WORKSHOP_DAY, "17:30", "19:30"),
    ("partner-mixer", "copperline-rooftop", WORKSHOP_DAY, "19:30", "22:30"),
    # Main day (breakouts and expo talks come from BREAKOUTS and EXPO_PROGRAM)
    ("fun-run", "riverbend-park-north-lawn", MAIN_DAY, "07:00", "08:00"),
    ("breakfast-d2", "expo-hall", MAIN_DAY, "07:30", "09:00"),
    ("wir-breakfast", "harbor-room", MAIN_DAY, "08:00", "08:50"),
    ("opening-keynote", "main-hall", MAIN_DAY, "09:00", "10:15"),
    ("break-d2-am", "expo-hall", MAIN_DAY, "10:15", "10:45"),
    ("lab-otel-agent", "lab-510", MAIN_DAY, "10:45", "13:45"),
    ("lab-ebpf-profiling", "lab-411", MAIN_DAY, "10:45", "13:45"),
    ("exam-spec-security", "certification-center", MAIN_DAY, "10:45", "12:15"),
    ("lunch-d2", "expo-hall", MAIN_DAY, "12:30", "13:30"),
    ("exam-spec-synthetics", "certification-center", MAIN_DAY, "13:30", "15:00"),
    ("workshop-navigator-runbooks", "lab-410", MAIN_DAY, "14:00", "17:00"),
    ("lab-golden-paths", "lab-412", MAIN_DAY, "14:00", "17:00"),
    ("workshop-exec-dashboards", "lab-511", MAIN_DAY, "14:00", "17:00"),
    ("break-d2-pm", "expo-hall", MAIN_DAY, "15:15", "15:45"),
    ("exam-spec-incident", "certification-center", MAIN_DAY, "15:30", "17:00"),
    ("closing-keynote", "main-hall", MAIN_DAY, "17:45", "18:30"),
    ("customer-night", "lanternwell-hq-sky-lounge", MAIN_DAY, "19:00", "24:30"),
]

# Initial seat state for the demo server: (event key, occurrence number) -> (taken, waitlist). Every other
# seat-limited occurrence gets a seeded share of its seats, with room left and no waitlist.
SEAT_STATE = {
    ("lab-otel-agent", 1): (38, 0),
    ("lab-otel-agent", 2): (40, 3),
    ("workshop-slo-trust", 1): (47, 0),
    ("lab-threat-hunting-bql", 2): (44, 0),
    ("exam-associate", 1): (39, 0),
    ("apac-lunch", 1): (52, 0),
}
SEAT_SEED = 2027

# Demo attendee badges: (name, company). The first badge code is fixed so documentation can quote it.
ATTENDEES = [
    ("강현우 (Hyun-woo Kang)", "Dasol Pay"),
    ("Sakura Hayashi", "Kumo Mobility"),
    ("Aditya Kulkarni", "Pravah Payments"),
    ("Fernanda Ribeiro", "Ipê Seguros"),
    ("Matteo Galli", "Banca del Tevere"),
    ("Amelia Hughes", "Harborview Bank"),
    ("Kofi Boateng", "Meridian Freight Lines"),
    ("Inés Castillo", "Banco Altiplano"),
    ("Jakub Novák", "Kestrel Air"),
    ("Layla Nasser", "Northgate Health"),
    ("Connor Walsh", "Atlas Ridge Media"),
    ("Priyanka Desai", "Greenleaf Grocers"),
    ("Tomasz Wójcik", "Polderwerk Logistics"),
    ("Chiara Bellini", "Lumière Assurances"),
    ("Andrés Paredes", "Nopal Telecom"),
    ("Nina Petrova", "Brückenwerk Mobility"),
    ("Hamza Qureshi", "Savanna Pay"),
    ("한지우 (Ji-woo Han)", "Byeolbit Games"),
    ("Rachel Goldstein", "Bramwell & Finch"),
    ("Mohammed Al-Farsi", "Delta Crescent Telecom"),
]
ORGANIZER = ("Dana Whitmore", LANTERNWELL)
FIRST_BADGE_CODE = "BCN-7Q4K-2H9D"
BADGE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O or 1/I to misread at a registration desk
BADGE_SEED = 511

# ---------------------------------------------------------------------------------------------------------------
# Building the feed
# ---------------------------------------------------------------------------------------------------------------

SESSION_TYPES = {"talk", "keynote", "workshop", "hands-on-lab", "certification-exam", "expo-theater", "social",
                 "break", "other"}
HTML_TAGS = {"p", "br", "b", "strong", "i", "em", "u", "ul", "ol", "li", "code", "pre", "blockquote", "a"}
BOLD = re.compile(r"\*\*(.+?)\*\*")


def key_from_name(name):
    """Lowercase-dash key, the same rule as Conference::keyFromName() in src/domain."""
    key, dash = "", False
    for c in name:
        if c.isalnum():
            if dash and key:
                key += "-"
            key += c.lower()
            dash = False
        else:
            dash = True
    return key


# Letters that Unicode does not decompose into an ASCII letter plus a mark.
NO_DECOMPOSITION = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "æ": "ae", "đ": "d"})


def speaker_id(name):
    """The romanized name ("김서연 (Seo-yeon Kim)" -> "seo-yeon-kim"), folded to ASCII."""
    match = re.search(r"\(([^)]*)\)", name)
    latin = match.group(1) if match else name
    folded = unicodedata.normalize("NFKD", latin.translate(NO_DECOMPOSITION)).replace("'", "")
    return key_from_name("".join(c for c in folded if c.isascii()))


def at(day, hhmm):
    hours, minutes = (int(part) for part in hhmm.split(":"))
    midnight = datetime.datetime.combine(day, datetime.time(0, 0), OFFSET)
    return midnight + datetime.timedelta(hours=hours, minutes=minutes)


def inline_html(text):
    return BOLD.sub(r"<b>\1</b>", html.escape(text, quote=False))


def render_abstract(source):
    """Returns (plain text, safe HTML or None) for the light markup described above."""
    blocks = textwrap.dedent(source).strip().split("\n\n")
    plain, rich = [], []
    for block in blocks:
        lines = [line.strip() for line in block.strip().splitlines()]
        if all(line.startswith("- ") for line in lines):
            items = [line[2:] for line in lines]
            plain.append("\n".join("- " + BOLD.sub(r"\1", item) for item in items))
            rich.append("<ul>" + "".join(f"<li>{inline_html(item)}</li>" for item in items) + "</ul>")
        else:
            text = " ".join(lines)
            plain.append(BOLD.sub(r"\1", text))
            rich.append(f"<p>{inline_html(text)}</p>")
    has_markup = len(blocks) > 1 or "**" in source
    return "\n\n".join(plain), ("".join(rich) if has_markup else None)


def all_events():
    events = WORKSHOPS + EXAMS + BREAKS + SOCIALS + COMMUNITY_WORKSHOP_DAY + KEYNOTES + EXPO_TALKS
    for track, _room, talks in BREAKOUTS:
        events += [Event(**{**vars(t), "track": track}) for t in talks]
    by_key = {}
    for event in events:
        if event.key in by_key:
            sys.exit(f"duplicate event key {event.key}")
        by_key[event.key] = event
    return by_key


def occurrences(events):
    """Every (event, room id, start, end), in feed order."""
    result = []
    for key, room, day, start, end in SCHEDULE:
        begin = at(day, start)
        finish = at(day, end) if end else begin + datetime.timedelta(minutes=events[key].minutes)
        result.append((events[key], room, begin, finish))
    for _track, room, talks in BREAKOUTS:
        for slot, t in zip(TALK_SLOTS, talks, strict=True):
            begin = at(MAIN_DAY, slot)
            result.append((events[t.key], room, begin, begin + datetime.timedelta(minutes=t.minutes)))
    for (day, room), (first, keys) in EXPO_PROGRAM.items():
        for index, key in enumerate(keys):
            begin = at(day, first) + datetime.timedelta(minutes=EXPO_SPACING_MINUTES * index)
            result.append((events[key], room, begin, begin + datetime.timedelta(minutes=events[key].minutes)))
    room_order = {key_from_name(r.name): i for i, r in enumerate(ROOMS)}
    result.sort(key=lambda o: (o[2], room_order[o[1]], o[3], o[0].title))
    return result


def build_feed():
    events = all_events()
    floors = [{"id": key_from_name(name), "name": name, "level": level} for name, level in FLOORS]
    rooms = []
    for r in ROOMS:
        room = {"id": key_from_name(r.name), "name": r.name, "floor": key_from_name(r.floor)}
        if r.capacity is not None:
            room["capacity"] = r.capacity
        if r.description:
            room["description"] = r.description
        if r.address:
            room["address"] = r.address
        rooms.append(room)
    days = [{"date": d.isoformat(), "start": at(d, DAY_START).isoformat(), "end": at(d, DAY_END).isoformat()}
            for d in DAYS]
    tracks = [{"id": key_from_name(name), "name": name, "color": color} for name, color in TRACKS]
    speakers = [{"id": speaker_id(name), "name": name, "company": company, "bio": bio}
                for name, company, bio in SPEAKERS]

    sessions, seen = [], {}
    for event, room, start, end in occurrences(events):
        guid = str(uuid.uuid5(GUID_NAMESPACE, event.key))
        seen[guid] = seen.get(guid, 0) + 1
        abstract, abstract_html = render_abstract(event.abstract)
        session = {
            "id": guid if seen[guid] == 1 else f"{guid}#{seen[guid]}",
            "guid": guid,
            "title": event.title,
            "type": event.type,
            "typeLabel": event.label,
            "track": event.track,
            "room": room,
            "start": start.isoformat(),
            "end": end.isoformat(),
            "abstract": abstract,
            "abstractHtml": abstract_html,
            "speakers": event.speakers,
            "level": event.level,
            "tags": event.tags,
            "languages": event.languages,
            "seats": event.seats,
            "registration": event.registration,
            "url": None if event.type == "break" else f"{CONFERENCE_URL}sessions/{event.key}/",
        }
        sessions.append({k: v for k, v in session.items() if v is not None and v != []})

    conference = dict(CONFERENCE)
    conference["venue"] = {"name": VENUE_NAME, "address": VENUE_ADDRESS, "floors": floors, "rooms": rooms}
    conference["days"] = days
    conference["tracks"] = tracks
    return {"plenaryFeed": 1, "conference": conference, "speakers": speakers, "sessions": sessions}


def build_seats(feed):
    rng = random.Random(SEAT_SEED)
    guid_to_key = {str(uuid.uuid5(GUID_NAMESPACE, key)): key for key in all_events()}
    state = {}
    for s in feed["sessions"]:
        if s.get("seats") is None:
            continue
        number = int(s["id"].partition("#")[2] or 1)
        taken, waitlist = SEAT_STATE.get((guid_to_key[s["guid"]], number),
                                         (round(s["seats"] * rng.uniform(0.25, 0.8)), 0))
        state[s["id"]] = {"taken": taken, "waitlist": waitlist}
    return {"sessions": state}


def build_badges():
    rng = random.Random(BADGE_SEED)
    codes = {FIRST_BADGE_CODE}
    ordered = [FIRST_BADGE_CODE]
    while len(ordered) < len(ATTENDEES) + 1:
        code = "BCN-" + "".join(rng.choice(BADGE_ALPHABET) for _ in range(4)) + "-" + \
               "".join(rng.choice(BADGE_ALPHABET) for _ in range(4))
        if code not in codes:
            codes.add(code)
            ordered.append(code)
    badges = [{"code": code, "name": name, "company": company, "admin": False}
              for code, (name, company) in zip(ordered, ATTENDEES)]
    badges.append({"code": ordered[-1], "name": ORGANIZER[0], "company": ORGANIZER[1], "admin": True})
    return {"badges": badges}

# ---------------------------------------------------------------------------------------------------------------
# Checking the result (on the JSON text as a reader would parse it)
# ---------------------------------------------------------------------------------------------------------------


def parse_time(text):
    return datetime.datetime.fromisoformat(text)


def validate(feed, seats, badges):
    problems = []
    conference = feed["conference"]
    venue = conference["venue"]
    floor_ids = [f["id"] for f in venue["floors"]]
    rooms = {r["id"]: r for r in venue["rooms"]}
    tracks = {t["id"] for t in conference["tracks"]}
    speaker_ids = [s["id"] for s in feed["speakers"]]
    sessions = feed["sessions"]
    days = [(parse_time(d["start"]), parse_time(d["end"])) for d in conference["days"]]

    def check(condition, message):
        if not condition:
            problems.append(message)

    check(feed["plenaryFeed"] == 1, "plenaryFeed must be 1")
    check(conference["url"].startswith("https://summit.example.com/"), "conference url must use example.com")
    for label, ids in (("floor", floor_ids), ("room", list(rooms)), ("track", list(tracks)),
                       ("speaker", speaker_ids), ("session", [s["id"] for s in sessions])):
        check(len(ids) == len(set(ids)), f"duplicate {label} ids")
    for r in venue["rooms"]:
        check(r["id"] == key_from_name(r["name"]), f"room id {r['id']} is not the key of its name")
        check(r["floor"] in floor_ids, f"room {r['id']} on unknown floor")
        check((r["floor"] == "around-town") == ("address" in r), f"room {r['id']}: address iff around town")
    for s in feed["speakers"]:
        check(s["bio"].count(". ") >= 1 and "avatar" not in s, f"speaker {s['id']} needs a bio and no avatar")

    previous_start = None
    by_guid, busy_speakers, busy_rooms = {}, {}, {}
    for s in sessions:
        sid = s["id"]
        start, end = parse_time(s["start"]), parse_time(s["end"])
        check(s["start"].endswith("-04:00") and s["end"].endswith("-04:00"), f"{sid}: times must carry -04:00")
        check(start < end, f"{sid}: start must be before end")
        check(previous_start is None or previous_start <= start, f"{sid}: sessions not sorted by start")
        previous_start = start
        check(any(d_start <= start and end <= d_end for d_start, d_end in days), f"{sid}: outside the day spans")
        check(s["type"] in SESSION_TYPES, f"{sid}: unknown type {s['type']}")
        check(s["room"] in rooms, f"{sid}: unknown room {s['room']}")
        check(s.get("track") is None or s["track"] in tracks, f"{sid}: unknown track {s.get('track')}")
        for speaker in s.get("speakers", []):
            check(speaker in speaker_ids, f"{sid}: unknown speaker {speaker}")
            busy_speakers.setdefault(speaker, []).append((start, end, sid))
        busy_rooms.setdefault(s["room"], []).append((start, end, sid))
        check(bool(s.get("abstract")), f"{sid}: missing abstract")
        for tag in re.findall(r"</?([a-zA-Z0-9]+)", s.get("abstractHtml", "")):
            check(tag in HTML_TAGS, f"{sid}: tag <{tag}> not allowed in abstractHtml")
        for language in s.get("languages", []):
            check(re.fullmatch(r"[a-z]{2}", language) is not None, f"{sid}: bad language {language}")
        seats_value = s.get("seats")
        if seats_value is not None:
            check(s["registration"] is True, f"{sid}: seat-limited sessions need registration")
            capacity = rooms.get(s["room"], {}).get("capacity")
            check(capacity is None or seats_value <= capacity, f"{sid}: more seats than the room holds")
        if s["type"] in ("workshop", "hands-on-lab"):
            check(seats_value is not None and 30 <= seats_value <= 60, f"{sid}: workshop seats outside 30-60")
            check(end - start == datetime.timedelta(hours=3), f"{sid}: workshops last three hours")
        if s["type"] == "certification-exam":
            check(seats_value is not None and 25 <= seats_value <= 40, f"{sid}: exam seats outside 25-40")
        if s["type"] == "expo-theater":
            check(seats_value is None and s["room"].startswith("expo-theater"), f"{sid}: expo talks are open")
            check(15 <= (end - start).seconds // 60 <= 20, f"{sid}: expo talks last 15-20 minutes")
        if s["type"] == "talk" and s["room"].startswith("room-"):
            check(30 <= (end - start).seconds // 60 <= 45, f"{sid}: breakouts last 30-45 minutes")
        by_guid.setdefault(s["guid"], []).append(s)

    for guid, group in by_guid.items():
        if len(group) > 1:
            check(all(s["type"] in ("workshop", "hands-on-lab") for s in group), f"{guid}: only workshops repeat")
        expected = [guid] + [f"{guid}#{n}" for n in range(2, len(group) + 1)]
        check([s["id"] for s in group] == expected, f"{guid}: occurrence ids must be guid, guid#2, ... in order")
    for label, busy in (("speaker", busy_speakers), ("room", busy_rooms)):
        for owner, slots in busy.items():
            slots.sort()
            for (_s1, e1, a), (s2, _e2, b) in zip(slots, slots[1:]):
                check(s2 >= e1, f"{label} {owner} double-booked: {a} and {b}")
    unused = sorted(set(speaker_ids) - set(busy_speakers))
    check(not unused, f"speakers without a session: {unused}")
    check(len(sessions) >= 150, f"only {len(sessions)} sessions")
    check(len(speaker_ids) >= 100, f"only {len(speaker_ids)} speakers")

    limited = {s["id"]: s["seats"] for s in sessions if s.get("seats") is not None}
    check(set(seats["sessions"]) == set(limited), "seats.json must cover exactly the seat-limited sessions")
    for sid, state in seats["sessions"].items():
        total = limited.get(sid, 0)
        check(0 <= state["taken"] <= total, f"seats.json {sid}: taken outside 0..seats")
        check(state["waitlist"] == 0 or state["taken"] == total, f"seats.json {sid}: waitlist on a session with room")
    check(any(st["waitlist"] > 0 for st in seats["sessions"].values()), "seats.json needs a full session")

    codes = [b["code"] for b in badges["badges"]]
    check(len(codes) == len(set(codes)), "duplicate badge codes")
    check(all(re.fullmatch(r"BCN-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}", c) for c in codes), "malformed badge code")
    check(sum(b["admin"] for b in badges["badges"]) == 1, "exactly one admin badge")
    return problems


def summary(feed, seats, badges):
    sessions = feed["sessions"]
    lines = [f"sessions (occurrences): {len(sessions)}",
             f"distinct events (guids): {len({s['guid'] for s in sessions})}",
             f"speakers: {len(feed['speakers'])}",
             f"rooms: {len(feed['conference']['venue']['rooms'])}, floors: "
             f"{len(feed['conference']['venue']['floors'])}, tracks: {len(feed['conference']['tracks'])}"]
    for day in feed["conference"]["days"]:
        count = sum(1 for s in sessions if day["start"] <= s["start"] < day["end"])
        lines.append(f"  {day['date']}: {count} sessions")
    types = {}
    for s in sessions:
        types[s["type"]] = types.get(s["type"], 0) + 1
    lines.append("by type: " + ", ".join(f"{k} {v}" for k, v in sorted(types.items())))
    repeated = sorted({s["title"] for s in sessions if "#" in s["id"]})
    lines.append(f"repeated workshops: {len(repeated)}; occurrences with ids guid#n: "
                 f"{sum(1 for s in sessions if '#' in s['id'])}")
    languages = {}
    for s in sessions:
        for language in s.get("languages", []):
            languages[language] = languages.get(language, 0) + 1
    lines.append("by language: " + ", ".join(f"{k} {v}" for k, v in sorted(languages.items())))
    lines.append(f"with abstractHtml: {sum(1 for s in sessions if 'abstractHtml' in s)}; "
                 f"multi-speaker: {sum(1 for s in sessions if len(s.get('speakers', [])) > 1)}")
    state = seats["sessions"]
    full = [sid for sid, st in state.items() if st["waitlist"] > 0]
    lines.append(f"seat-limited sessions: {len(state)}; full with waitlist: {len(full)}")
    lines.append(f"badges: {len(badges['badges'])} (admin: {sum(b['admin'] for b in badges['badges'])})")
    return "\n".join(lines)


def render(document):
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="do not write; fail if the files on disk differ from the generated ones")
    args = parser.parse_args()

    feed = build_feed()
    outputs = {"conference.json": render(feed), "seats.json": render(build_seats(feed)),
               "badges.json": render(build_badges())}
    parsed = {name: json.loads(text) for name, text in outputs.items()}
    problems = validate(parsed["conference.json"], parsed["seats.json"], parsed["badges.json"])
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1

    if args.check:
        stale = [name for name, text in outputs.items()
                 if not (HERE / name).exists() or (HERE / name).read_text(encoding="utf-8") != text]
        if stale:
            print("out of date: " + ", ".join(stale) + " (run data/sample/generate.py)", file=sys.stderr)
            return 1
    else:
        for name, text in outputs.items():
            (HERE / name).write_text(text, encoding="utf-8")
    print(summary(parsed["conference.json"], parsed["seats.json"], parsed["badges.json"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
