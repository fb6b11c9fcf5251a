<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AgendaItemDelegate</name>
    <message>
        <source>Personal · %1</source>
        <translation>개인 · %1</translation>
    </message>
    <message>
        <source>Personal</source>
        <translation>개인</translation>
    </message>
    <message>
        <source>No longer in the schedule</source>
        <translation>시간표에서 빠짐</translation>
    </message>
    <message>
        <source>Unstar</source>
        <translation>별표 해제</translation>
    </message>
    <message>
        <source>Remove %1 from my agenda</source>
        <translation>내 일정에서 %1 빼기</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>빼기</translation>
    </message>
    <message>
        <source>Turn the reminder off</source>
        <translation>알림 끄기</translation>
    </message>
    <message>
        <source>Turn the reminder on</source>
        <translation>알림 켜기</translation>
    </message>
    <message>
        <source>Seat held</source>
        <translation>좌석 확보</translation>
    </message>
    <message>
        <source>Seat requested</source>
        <translation>좌석 요청 중</translation>
    </message>
    <message>
        <source>Waitlist #%1</source>
        <translation>대기 %1번</translation>
    </message>
    <message>
        <source>Release seat</source>
        <translation>좌석 반납</translation>
    </message>
    <message>
        <source>Give back your seat in %1</source>
        <translation>%1 좌석 반납</translation>
    </message>
</context>
<context>
    <name>AgendaPage</name>
    <message>
        <source>My agenda</source>
        <translation>내 일정</translation>
    </message>
    <message>
        <source>Your agenda is empty</source>
        <translation>내 일정이 비어 있습니다</translation>
    </message>
    <message>
        <source>Star sessions in the schedule and they show up here, day by day.</source>
        <translation>시간표에서 세션에 별표를 하면 날짜별로 여기에 모입니다.</translation>
    </message>
    <message>
        <source>Browse the schedule</source>
        <translation>시간표 보기</translation>
    </message>
    <message>
        <source>Export my agenda</source>
        <translation>내 일정 내보내기</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>캘린더 파일 (*.ics)</translation>
    </message>
    <message>
        <source>Import an agenda</source>
        <translation>일정 가져오기</translation>
    </message>
    <message>
        <source>1 change to your agenda</source>
        <translation>내 일정 변경 1건</translation>
    </message>
    <message>
        <source>%1 changes to your agenda</source>
        <translation>내 일정 변경 %1건</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>지금</translation>
    </message>
    <message>
        <source>Next up</source>
        <translation>다음 일정</translation>
    </message>
    <message>
        <source>+ Add item</source>
        <translation>+ 항목 추가</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <source>1 conflict</source>
        <translation>겹침 1건</translation>
    </message>
    <message>
        <source>%1 conflicts</source>
        <translation>겹침 %1건</translation>
    </message>
    <message>
        <source>Nothing on this day</source>
        <translation>이날은 일정이 없습니다</translation>
    </message>
</context>
<context>
    <name>AppShell</name>
    <message>
        <source>Schedule</source>
        <translation>시간표</translation>
    </message>
    <message>
        <source>Now and next</source>
        <translation>지금과 다음</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>지금</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>발표자</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>행사장</translation>
    </message>
    <message>
        <source>My agenda</source>
        <translation>내 일정</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>내 일정</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Plenary</source>
        <translation>Plenary</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>뒤로</translation>
    </message>
</context>
<context>
    <name>ConferenceDelegate</name>
    <message>
        <source>%1 (open)</source>
        <translation>%1 (열림)</translation>
    </message>
    <message>
        <source>1 session</source>
        <translation>세션 1개</translation>
    </message>
    <message>
        <source>%1 sessions</source>
        <translation>세션 %1개</translation>
    </message>
    <message>
        <source>Remove %1 from this device</source>
        <translation>이 기기에서 %1 삭제</translation>
    </message>
</context>
<context>
    <name>ConferencesPage</name>
    <message>
        <source>Conferences</source>
        <translation>컨퍼런스</translation>
    </message>
    <message>
        <source>Add a conference</source>
        <translation>컨퍼런스 추가</translation>
    </message>
    <message>
        <source>A schedule’s web address or file path: Plenary feeds, Pentabarf/frab XML, frab JSON or iCalendar. The address of a Plenary feed server (e.g. https://conf.example.org) also turns on live seats.</source>
        <translation>시간표의 웹 주소나 파일 경로: Plenary 피드, Pentabarf/frab XML, frab JSON, iCalendar. Plenary 피드 서버의 주소(예: https://conf.example.org)를 넣으면 실시간 좌석도 켜집니다.</translation>
    </message>
    <message>
        <source>https://… or /path/to/schedule.xml</source>
        <translation>https://… 또는 /경로/schedule.xml</translation>
    </message>
    <message>
        <source>Schedule address or file path</source>
        <translation>시간표 주소 또는 파일 경로</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <source>Cancel the import</source>
        <translation>가져오기 취소</translation>
    </message>
    <message>
        <source>Add conference</source>
        <translation>컨퍼런스 추가</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>가져오기 진행 상황</translation>
    </message>
    <message>
        <source>On this device</source>
        <translation>이 기기에 저장됨</translation>
    </message>
    <message>
        <source>Conferences on this device</source>
        <translation>이 기기의 컨퍼런스</translation>
    </message>
    <message>
        <source>Conferences you add are kept here.</source>
        <translation>추가한 컨퍼런스가 여기에 보관됩니다.</translation>
    </message>
    <message>
        <source>Allow unencrypted connections</source>
        <translation>암호화되지 않은 연결 허용</translation>
    </message>
    <message>
        <source>Allowed for this run (--allow-http).</source>
        <translation>이번 실행에서만 허용됨 (--allow-http).</translation>
    </message>
    <message>
        <source>Off: plain http:// is only used on this device (localhost). Anyone on the network can read and change unencrypted traffic.</source>
        <translation>꺼짐: 암호화되지 않은 http://는 이 기기(localhost)에서만 사용합니다. 암호화되지 않은 통신은 네트워크의 누구나 읽고 바꿀 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>DayTabs</name>
    <message>
        <source>Conference days</source>
        <translation>컨퍼런스 날짜</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>1 filter · Clear</source>
        <translation>필터 1개 · 지우기</translation>
    </message>
    <message>
        <source>%1 filters · Clear</source>
        <translation>필터 %1개 · 지우기</translation>
    </message>
    <message>
        <source>%1 active filters. Clear all filters</source>
        <translation>필터 %1개 사용 중. 모든 필터 지우기</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>트랙</translation>
    </message>
    <message>
        <source>Filter by track: %1</source>
        <translation>트랙 필터: %1</translation>
    </message>
    <message>
        <source>All tracks</source>
        <translation>모든 트랙</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <source>Filter by session type: %1</source>
        <translation>세션 유형 필터: %1</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>모든 유형</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>층</translation>
    </message>
    <message>
        <source>Filter by floor: %1</source>
        <translation>층 필터: %1</translation>
    </message>
    <message>
        <source>All floors</source>
        <translation>모든 층</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>장소</translation>
    </message>
    <message>
        <source>Filter by room: %1</source>
        <translation>장소 필터: %1</translation>
    </message>
    <message>
        <source>All rooms</source>
        <translation>모든 장소</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>난이도</translation>
    </message>
    <message>
        <source>Filter by level: %1</source>
        <translation>난이도 필터: %1</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>모든 난이도</translation>
    </message>
    <message>
        <source>Seats left</source>
        <translation>잔여 좌석</translation>
    </message>
    <message>
        <source>Only sessions with reservable seats</source>
        <translation>예약 가능한 좌석이 있는 세션만</translation>
    </message>
    <message>
        <source>My agenda</source>
        <translation>내 일정</translation>
    </message>
    <message>
        <source>Only sessions in my agenda</source>
        <translation>내 일정의 세션만</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>%1 · Plenary</source>
        <translation>%1 · Plenary</translation>
    </message>
    <message>
        <source>Plenary</source>
        <translation>Plenary</translation>
    </message>
</context>
<context>
    <name>NowNextDelegate</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Progress of the running session</source>
        <translation>진행 중인 세션의 진행률</translation>
    </message>
    <message>
        <source>%1 min left</source>
        <translation>%1분 남음</translation>
    </message>
    <message>
        <source>Next in %1 min · %2</source>
        <translation>%1분 후 · %2</translation>
    </message>
    <message>
        <source>Next at %1 · %2</source>
        <translation>다음 %1 · %2</translation>
    </message>
</context>
<context>
    <name>NowNextPage</name>
    <message>
        <source>Now &amp; Next</source>
        <translation>지금 &amp; 다음</translation>
    </message>
    <message>
        <source>Now and next</source>
        <translation>지금과 다음</translation>
    </message>
    <message>
        <source>Now · %1</source>
        <translation>지금 · %1</translation>
    </message>
    <message>
        <source>Rooms with sessions now or soon</source>
        <translation>지금 또는 곧 세션이 있는 장소</translation>
    </message>
    <message>
        <source>Nothing is on right now</source>
        <translation>지금 진행 중인 세션이 없습니다</translation>
    </message>
    <message>
        <source>The next session starts %1.</source>
        <translation>다음 세션 시작: %1</translation>
    </message>
    <message>
        <source>The conference is over.</source>
        <translation>컨퍼런스가 끝났습니다.</translation>
    </message>
</context>
<context>
    <name>OnlineIndicator</name>
    <message>
        <source>Live</source>
        <translation>실시간</translation>
    </message>
    <message>
        <source>Limited</source>
        <translation>제한됨</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>오프라인</translation>
    </message>
</context>
<context>
    <name>PersonalItemDialog</name>
    <message>
        <source>Edit item</source>
        <translation>항목 편집</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>항목 추가</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Date (YYYY-MM-DD)</source>
        <translation>날짜 (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>시작 시간</translation>
    </message>
    <message>
        <source>End</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>종료 시간</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>장소</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
</context>
<context>
    <name>Plenary::AgendaModel</name>
    <message>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>Back in the schedule</source>
        <translation>시간표에 다시 추가됨</translation>
    </message>
    <message>
        <source>Also on %1</source>
        <translation>%1에도 있음</translation>
    </message>
    <message>
        <source>You hold a seat in %1 at the same time</source>
        <translation>같은 시간에 %1 좌석을 예약해 두었습니다</translation>
    </message>
    <message>
        <source>This item is no longer in your agenda.</source>
        <translation>이 항목은 더 이상 내 일정에 없습니다.</translation>
    </message>
    <message>
        <source>There is nothing to fix.</source>
        <translation>고칠 것이 없습니다.</translation>
    </message>
    <message>
        <source>Your agenda could not be saved.</source>
        <translation>내 일정을 저장할 수 없습니다.</translation>
    </message>
    <message>
        <source>Give the item a title.</source>
        <translation>항목 제목을 입력하세요.</translation>
    </message>
    <message>
        <source>Enter a date (YYYY-MM-DD) and a start time (HH:MM).</source>
        <translation>날짜(YYYY-MM-DD)와 시작 시간(HH:MM)을 입력하세요.</translation>
    </message>
    <message>
        <source>The end must not be before the start.</source>
        <translation>종료가 시작보다 빠를 수 없습니다.</translation>
    </message>
    <message>
        <source>The file could not be read or written.</source>
        <translation>파일을 읽거나 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>This file is not an agenda exported by Plenary.</source>
        <translation>Plenary에서 내보낸 일정 파일이 아닙니다.</translation>
    </message>
    <message>
        <source>Exported 1 item</source>
        <translation>항목 1개를 내보냈습니다</translation>
    </message>
    <message>
        <source>Exported %1 items</source>
        <translation>항목 %1개를 내보냈습니다</translation>
    </message>
    <message>
        <source>Imported 1 new item</source>
        <translation>새 항목 1개를 가져왔습니다</translation>
    </message>
    <message>
        <source>Imported %1 new items</source>
        <translation>새 항목 %1개를 가져왔습니다</translation>
    </message>
    <message>
        <source>%1 updated</source>
        <translation>%1개 갱신</translation>
    </message>
    <message>
        <source>%1 already there</source>
        <translation>%1개 이미 있음</translation>
    </message>
    <message>
        <source>%1 of another conference skipped</source>
        <translation>다른 컨퍼런스 항목 %1개 건너뜀</translation>
    </message>
    <message>
        <source>You asked for a seat in %1 at the same time</source>
        <translation>같은 시간에 %1 좌석을 요청했습니다</translation>
    </message>
    <message>
        <source>You are on the waitlist for %1 at the same time</source>
        <translation>같은 시간에 %1 대기자 명단에 있습니다</translation>
    </message>
    <message>
        <source>%1 (in your agenda) overlaps</source>
        <translation>%1과(와) 겹침 (내 일정)</translation>
    </message>
    <message>
        <source>Your seat could not be released right now.</source>
        <translation>지금은 좌석을 반납할 수 없습니다.</translation>
    </message>
    <message>
        <source>Your seat is being released.</source>
        <translation>좌석을 반납하는 중입니다.</translation>
    </message>
</context>
<context>
    <name>Plenary::ConferenceController</name>
    <message>
        <source>Enter a web address or the path of a schedule file.</source>
        <translation>웹 주소나 시간표 파일 경로를 입력하세요.</translation>
    </message>
    <message>
        <source>“%1” is neither a web address (http or https) nor a file.</source>
        <translation>“%1”은(는) 웹 주소(http, https)도 파일도 아닙니다.</translation>
    </message>
    <message>
        <source>Could not read the schedule: %1</source>
        <translation>시간표를 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Downloading is not available in this build.</source>
        <translation>이 빌드에서는 다운로드를 사용할 수 없습니다.</translation>
    </message>
    <message>
        <source>Import cancelled.</source>
        <translation>가져오기를 취소했습니다.</translation>
    </message>
    <message>
        <source>Could not get %1: %2</source>
        <translation>%1을(를) 가져올 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Opened, but it could not be kept on this device.</source>
        <translation>열었지만 이 기기에 저장하지 못했습니다.</translation>
    </message>
    <message>
        <source>Opened “%1” · 1 session</source>
        <translation>“%1” 열림 · 세션 1개</translation>
    </message>
    <message>
        <source>Opened “%1” · %2 sessions</source>
        <translation>“%1” 열림 · 세션 %2개</translation>
    </message>
    <message>
        <source>The conference “%1” could not be opened.</source>
        <translation>컨퍼런스 “%1”을(를) 열 수 없습니다.</translation>
    </message>
    <message>
        <source>“%1” is not encrypted (http://). Plenary uses plain http only on this device (localhost); use https://, or turn on “Allow unencrypted connections” (or start it with --allow-http).</source>
        <translation>“%1”은(는) 암호화되지 않은 주소(http://)입니다. Plenary는 암호화되지 않은 http를 이 기기(localhost)에서만 사용합니다. https://를 쓰거나 “암호화되지 않은 연결 허용”을 켜세요 (또는 --allow-http로 시작하세요).</translation>
    </message>
    <message>
        <source>Updated to schedule version %1.</source>
        <translation>시간표 버전 %1(으)로 업데이트했습니다.</translation>
    </message>
    <message>
        <source>Showing schedule version %1, but it could not be kept on this device.</source>
        <translation>시간표 버전 %1을(를) 표시하지만 이 기기에 저장하지 못했습니다.</translation>
    </message>
</context>
<context>
    <name>Plenary::ReminderService</name>
    <message>
        <source>In %1 minutes</source>
        <translation>%1분 후</translation>
    </message>
    <message>
        <source>In 1 minute</source>
        <translation>1분 후</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>지금</translation>
    </message>
</context>
<context>
    <name>Plenary::SeatsController</name>
    <message>
        <source>That badge code is not known.</source>
        <translation>알 수 없는 배지 코드입니다.</translation>
    </message>
    <message>
        <source>Could not sign in (%1).</source>
        <translation>로그인할 수 없습니다 (%1).</translation>
    </message>
    <message>
        <source>Enter the code printed on your badge.</source>
        <translation>배지에 인쇄된 코드를 입력하세요.</translation>
    </message>
    <message>
        <source>This session is full. You can join the waitlist instead.</source>
        <translation>이 세션은 만석입니다. 대기자 명단에 등록할 수 있습니다.</translation>
    </message>
    <message>
        <source>You already have a seat in a session at the same time.</source>
        <translation>같은 시간의 다른 세션 좌석을 이미 예약했습니다.</translation>
    </message>
    <message>
        <source>This session does not take reservations.</source>
        <translation>이 세션은 예약을 받지 않습니다.</translation>
    </message>
    <message>
        <source>You have no reservation for this session.</source>
        <translation>이 세션에 예약이 없습니다.</translation>
    </message>
    <message>
        <source>Too many requests. Please try again in a moment.</source>
        <translation>요청이 너무 많습니다. 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The reservation was refused (%1).</source>
        <translation>예약이 거절되었습니다 (%1).</translation>
    </message>
    <message>
        <source>Live seats are off: %1 is not encrypted (http://). Plenary uses plain http only on this device (localhost) unless “Allow unencrypted connections” is on.</source>
        <translation>실시간 좌석 꺼짐: %1은(는) 암호화되지 않은 주소(http://)입니다. “암호화되지 않은 연결 허용”을 켜지 않으면 Plenary는 암호화되지 않은 http를 이 기기(localhost)에서만 사용합니다.</translation>
    </message>
    <message>
        <source>You have a seat in “%1”: you moved up from the waitlist.</source>
        <translation>대기자 명단에서 올라가 “%1” 좌석을 받았습니다.</translation>
    </message>
</context>
<context>
    <name>Plenary::SessionDetails</name>
    <message>
        <source>, </source>
        <comment>between language names</comment>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>Plenary::SessionListModel</name>
    <message>
        <source>Talk</source>
        <translation>발표</translation>
    </message>
    <message>
        <source>Keynote</source>
        <translation>기조연설</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>워크숍</translation>
    </message>
    <message>
        <source>Hands-on lab</source>
        <translation>실습</translation>
    </message>
    <message>
        <source>Certification exam</source>
        <translation>자격증 시험</translation>
    </message>
    <message>
        <source>Expo theater</source>
        <translation>전시장 무대</translation>
    </message>
    <message>
        <source>Social</source>
        <translation>네트워킹</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>휴식</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>기타</translation>
    </message>
    <message>
        <source>Beginner</source>
        <translation>초급</translation>
    </message>
    <message>
        <source>Intermediate</source>
        <translation>중급</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>고급</translation>
    </message>
</context>
<context>
    <name>Plenary::TimeZoneController</name>
    <message>
        <source>Venue time · %1</source>
        <translation>현지 시간 · %1</translation>
    </message>
    <message>
        <source>Your time</source>
        <translation>내 시간</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <comment>time range</comment>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>ddd d MMM</source>
        <extracomment>QLocale date format of a day label such as &quot;Tue 12 May&quot;</extracomment>
        <translation>M월 d일 (ddd)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>day and time</comment>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>Plenary::VenueModel</name>
    <message>
        <source>Rooms</source>
        <translation>장소</translation>
    </message>
</context>
<context>
    <name>QCommandLineParser</name>
    <message>
        <source>Usage: %1</source>
        <translation>사용법: %1</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>옵션:</translation>
    </message>
    <message>
        <source>Arguments:</source>
        <translation>인수:</translation>
    </message>
    <message>
        <source>[options]</source>
        <translation>[옵션]</translation>
    </message>
    <message>
        <source>Displays help on commandline options.</source>
        <translation>명령줄 옵션 도움말을 표시합니다.</translation>
    </message>
    <message>
        <source>Displays help including Qt specific options.</source>
        <translation>Qt 전용 옵션을 포함한 도움말을 표시합니다.</translation>
    </message>
    <message>
        <source>Displays version information.</source>
        <translation>버전 정보를 표시합니다.</translation>
    </message>
</context>
<context>
    <name>ReminderBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>닫기</translation>
    </message>
</context>
<context>
    <name>ReminderStack</name>
    <message>
        <source>Snooze</source>
        <translation>다시 알림</translation>
    </message>
    <message>
        <source>Remind me again in 5 minutes</source>
        <translation>5분 후에 다시 알림</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Show fewer</source>
        <translation>접기</translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation>+%1개 더</translation>
    </message>
    <message>
        <source>Dismiss all</source>
        <translation>모두 닫기</translation>
    </message>
</context>
<context>
    <name>RoomDelegate</name>
    <message>
        <source>%1 seats</source>
        <translation>%1석</translation>
    </message>
    <message>
        <source>Now: %1 (%2)</source>
        <translation>지금: %1 (%2)</translation>
    </message>
    <message>
        <source>Now: nothing scheduled</source>
        <translation>지금: 일정 없음</translation>
    </message>
    <message>
        <source>Next: %1 (%2)</source>
        <translation>다음: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>SchedulePage</name>
    <message>
        <source>Schedule</source>
        <translation>시간표</translation>
    </message>
    <message>
        <source>Search sessions, speakers, rooms</source>
        <translation>세션, 발표자, 장소 검색</translation>
    </message>
    <message>
        <source>1 result on all days</source>
        <translation>전체 일정에서 1건</translation>
    </message>
    <message>
        <source>%1 results on all days</source>
        <translation>전체 일정에서 %1건</translation>
    </message>
    <message>
        <source>No sessions match</source>
        <translation>일치하는 세션이 없습니다</translation>
    </message>
    <message>
        <source>Nothing contains “%1”.</source>
        <translation>“%1”이(가) 포함된 항목이 없습니다.</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>필터 지우기</translation>
    </message>
    <message>
        <source>◷  Now</source>
        <translation>◷  지금</translation>
    </message>
    <message>
        <source>Jump to the sessions happening now</source>
        <translation>지금 진행 중인 세션으로 이동</translation>
    </message>
</context>
<context>
    <name>SearchField</name>
    <message>
        <source>Clear search</source>
        <translation>검색어 지우기</translation>
    </message>
</context>
<context>
    <name>SeatPanel</name>
    <message>
        <source>not updated yet</source>
        <translation>아직 갱신 안 됨</translation>
    </message>
    <message>
        <source>updated %1 s ago</source>
        <translation>%1초 전 갱신</translation>
    </message>
    <message>
        <source>updated %1 min ago</source>
        <translation>%1분 전 갱신</translation>
    </message>
    <message>
        <source>Sign in with your badge code in Settings to reserve seats.</source>
        <translation>좌석을 예약하려면 설정에서 배지 코드로 로그인하세요.</translation>
    </message>
    <message>
        <source>This conference has no live seat server.</source>
        <translation>이 컨퍼런스에는 실시간 좌석 서버가 없습니다.</translation>
    </message>
    <message>
        <source>You are offline: this will be sent when the connection is back.</source>
        <translation>오프라인입니다. 연결되면 전송됩니다.</translation>
    </message>
    <message>
        <source>That is not possible for this session right now.</source>
        <translation>지금은 이 세션에서 할 수 없습니다.</translation>
    </message>
    <message>
        <source>%1 of %2 seats left · %3</source>
        <translation>%2석 중 %1석 남음 · %3</translation>
    </message>
    <message>
        <source>%1 reservable seats</source>
        <translation>예약 가능 %1석</translation>
    </message>
    <message>
        <source>Registration required</source>
        <translation>사전 등록 필요</translation>
    </message>
    <message>
        <source>%1 on the waitlist</source>
        <translation>대기 %1명</translation>
    </message>
    <message>
        <source>may be out of date</source>
        <translation>최신이 아닐 수 있음</translation>
    </message>
    <message>
        <source>live seats not received yet</source>
        <translation>실시간 좌석 정보 수신 전</translation>
    </message>
    <message>
        <source>✓ You have a seat.</source>
        <translation>✓ 좌석이 있습니다.</translation>
    </message>
    <message>
        <source>You are #%1 on the waitlist.</source>
        <translation>대기 순번 %1번입니다.</translation>
    </message>
    <message>
        <source>Pending…</source>
        <translation>처리 중…</translation>
    </message>
    <message>
        <source>Cancel reservation</source>
        <translation>예약 취소</translation>
    </message>
    <message>
        <source>Leave waitlist</source>
        <translation>대기 취소</translation>
    </message>
    <message>
        <source>Join waitlist (#%1)</source>
        <translation>대기 등록 (%1번)</translation>
    </message>
    <message>
        <source>Reserve</source>
        <translation>예약</translation>
    </message>
    <message>
        <source>updated %1 h ago</source>
        <translation>%1시간 전 갱신</translation>
    </message>
    <message>
        <source>updated %1 days ago</source>
        <translation>%1일 전 갱신</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>만석</translation>
    </message>
    <message>
        <source>Filling</source>
        <translation>마감 임박</translation>
    </message>
</context>
<context>
    <name>SessionDelegate</name>
    <message>
        <source>%1, %2, %3</source>
        <translation>%1, %2, %3</translation>
    </message>
    <message>
        <source>%1 seats</source>
        <translation>%1석</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Remove “%1” from my agenda</source>
        <translation>내 일정에서 “%1” 빼기</translation>
    </message>
    <message>
        <source>Add “%1” to my agenda</source>
        <translation>내 일정에 “%1” 추가</translation>
    </message>
    <message>
        <source>✓ Reserved</source>
        <translation>✓ 예약됨</translation>
    </message>
    <message>
        <source>Waitlist #%1</source>
        <translation>대기 %1번</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>만석</translation>
    </message>
    <message>
        <source>Filling</source>
        <translation>마감 임박</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1석 남음</translation>
    </message>
</context>
<context>
    <name>SessionList</name>
    <message>
        <source>Sessions</source>
        <translation>세션</translation>
    </message>
</context>
<context>
    <name>SessionPage</name>
    <message>
        <source>This session is no longer in the schedule</source>
        <translation>이 세션은 더 이상 시간표에 없습니다</translation>
    </message>
    <message>
        <source>Pick a session</source>
        <translation>세션을 선택하세요</translation>
    </message>
    <message>
        <source>Its details show here.</source>
        <translation>세부 정보가 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>%1 · %2 %3</source>
        <translation>%1 · %2 %3</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1분</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>★  Remove from my agenda</source>
        <translation>★  내 일정에서 빼기</translation>
    </message>
    <message>
        <source>☆  Add to my agenda</source>
        <translation>☆  내 일정에 추가</translation>
    </message>
    <message>
        <source>Remove from my agenda</source>
        <translation>내 일정에서 빼기</translation>
    </message>
    <message>
        <source>Add to my agenda</source>
        <translation>내 일정에 추가</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>발표자</translation>
    </message>
    <message>
        <source>About</source>
        <translation>소개</translation>
    </message>
    <message>
        <source>Abstract</source>
        <translation>요약</translation>
    </message>
    <message>
        <source>Also held</source>
        <translation>다른 회차</translation>
    </message>
    <message>
        <source>Also held %1</source>
        <translation>다른 회차 %1</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Conference</source>
        <translation>컨퍼런스</translation>
    </message>
    <message>
        <source>No conference open</source>
        <translation>열린 컨퍼런스 없음</translation>
    </message>
    <message>
        <source>Conferences on this device</source>
        <translation>이 기기의 컨퍼런스</translation>
    </message>
    <message>
        <source>%1 sessions · Switch or add a conference ›</source>
        <translation>세션 %1개 · 컨퍼런스 전환 또는 추가 ›</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>시간</translation>
    </message>
    <message>
        <source>Venue time · %1</source>
        <translation>현지 시간 · %1</translation>
    </message>
    <message>
        <source>Your time · %1</source>
        <translation>내 시간 · %1</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>테마</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>시스템 설정 따르기</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>밝게</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>어둡게</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>Language: follow the system</source>
        <translation>언어: 시스템 설정 따르기</translation>
    </message>
    <message>
        <source>Seat reservations</source>
        <translation>좌석 예약</translation>
    </message>
    <message>
        <source>Signed in with your badge.</source>
        <translation>배지로 로그인했습니다.</translation>
    </message>
    <message>
        <source>Sign in with badge code</source>
        <translation>배지 코드로 로그인</translation>
    </message>
    <message>
        <source>Badge code</source>
        <translation>배지 코드</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>로그인 중…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>로그인</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>로그아웃</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>알림</translation>
    </message>
    <message>
        <source>Remind me before agenda items</source>
        <translation>일정 시작 전에 알림</translation>
    </message>
    <message>
        <source>Minutes before</source>
        <translation>몇 분 전</translation>
    </message>
    <message>
        <source>Reminder minutes before</source>
        <translation>알림: 시작 몇 분 전</translation>
    </message>
</context>
<context>
    <name>SpeakerDelegate</name>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>1 session</source>
        <translation>세션 1개</translation>
    </message>
    <message>
        <source>%1 sessions</source>
        <translation>세션 %1개</translation>
    </message>
</context>
<context>
    <name>SpeakerPage</name>
    <message>
        <source>1 session</source>
        <translation>세션 1개</translation>
    </message>
    <message>
        <source>%1 sessions</source>
        <translation>세션 %1개</translation>
    </message>
</context>
<context>
    <name>SpeakersPage</name>
    <message>
        <source>Speakers</source>
        <translation>발표자</translation>
    </message>
    <message>
        <source>Search speakers and companies</source>
        <translation>발표자, 회사 검색</translation>
    </message>
    <message>
        <source>No speaker matches</source>
        <translation>일치하는 발표자가 없습니다</translation>
    </message>
    <message>
        <source>No speakers listed</source>
        <translation>등록된 발표자가 없습니다</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>검색어 지우기</translation>
    </message>
</context>
<context>
    <name>TimeZoneToggle</name>
    <message>
        <source>Showing venue time, %1. Switch to your time</source>
        <translation>현지 시간(%1) 표시 중. 내 시간으로 전환</translation>
    </message>
    <message>
        <source>Showing your time. Switch to venue time</source>
        <translation>내 시간 표시 중. 현지 시간으로 전환</translation>
    </message>
    <message>
        <source>Venue time</source>
        <translation>현지 시간</translation>
    </message>
    <message>
        <source>Your time</source>
        <translation>내 시간</translation>
    </message>
</context>
<context>
    <name>VenuePage</name>
    <message>
        <source>Venue</source>
        <translation>행사장</translation>
    </message>
    <message>
        <source>Rooms by floor</source>
        <translation>층별 장소</translation>
    </message>
    <message>
        <source>This schedule lists no rooms</source>
        <translation>이 시간표에는 장소가 없습니다</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Plenary: browse a conference&apos;s sessions, speakers and rooms, and keep your own agenda.</source>
        <translation>Plenary: 컨퍼런스의 세션, 발표자, 장소를 둘러보고 내 일정을 관리합니다.</translation>
    </message>
    <message>
        <source>Import and open a schedule.</source>
        <translation>시간표를 가져와서 엽니다.</translation>
    </message>
    <message>
        <source>Keep conferences and the agenda in DIR.</source>
        <translation>컨퍼런스와 내 일정을 DIR에 저장합니다.</translation>
    </message>
    <message>
        <source>Load the UI on the sample conference, visit every page, and exit non-zero on any QML warning or error.</source>
        <translation>예제 컨퍼런스로 UI를 불러와 모든 페이지를 열고, QML 경고나 오류가 있으면 0이 아닌 값으로 종료합니다.</translation>
    </message>
    <message>
        <source>Save a PNG of a page and exit.</source>
        <translation>페이지를 PNG로 저장하고 종료합니다.</translation>
    </message>
    <message>
        <source>The page to show: schedule, now, speakers, venue, agenda, settings, conferences, session:&lt;id&gt;, speaker:&lt;id&gt;.</source>
        <translation>표시할 페이지: schedule, now, speakers, venue, agenda, settings, conferences, session:&lt;id&gt;, speaker:&lt;id&gt;.</translation>
    </message>
    <message>
        <source>Window size, e.g. 420x860.</source>
        <translation>창 크기 (예: 420x860)</translation>
    </message>
    <message>
        <source>light or dark, for this run only.</source>
        <translation>light 또는 dark (이번 실행에만 적용)</translation>
    </message>
    <message>
        <source>en or ko, for this run only.</source>
        <translation>en 또는 ko (이번 실행에만 적용)</translation>
    </message>
    <message>
        <source>Pretend it is this time (ISO 8601; without an offset it is read in the conference&apos;s time zone), e.g. 2027-05-12T10:15.</source>
        <translation>지금을 이 시각으로 간주합니다 (ISO 8601; 오프셋이 없으면 컨퍼런스 시간대로 읽음). 예: 2027-05-12T10:15</translation>
    </message>
    <message>
        <source>Exit once the first frame is shown (start-up benchmarks).</source>
        <translation>첫 프레임이 표시되면 종료합니다 (시작 시간 벤치마크).</translation>
    </message>
    <message>
        <source>Write the open conference&apos;s agenda as iCalendar and exit.</source>
        <translation>열린 컨퍼런스의 내 일정을 iCalendar로 저장하고 종료합니다.</translation>
    </message>
    <message>
        <source>Merge an agenda exported by Plenary into the open conference&apos;s.</source>
        <translation>Plenary에서 내보낸 일정을 열린 컨퍼런스의 내 일정에 합칩니다.</translation>
    </message>
    <message>
        <source>The live seat server for the open conference (remembered), e.g. http://127.0.0.1:8080.</source>
        <translation>열린 컨퍼런스의 실시간 좌석 서버 (저장됨). 예: http://127.0.0.1:8080</translation>
    </message>
    <message>
        <source>You have a seat</source>
        <translation>좌석이 있습니다</translation>
    </message>
    <message>
        <source>Allow unencrypted http:// feeds and imports beyond this device (localhost is always allowed), for this run only.</source>
        <translation>이 기기 밖의 암호화되지 않은 http:// 피드와 가져오기를 이번 실행에서만 허용합니다 (localhost는 항상 허용).</translation>
    </message>
</context>
</TS>
